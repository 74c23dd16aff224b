from django.urls import path

from convener.manage.views.scaffold import pending

urlpatterns = [
    path("series/<slug:slug>/meetings/<int:number>/records/", pending, name="records"),
    path("series/<slug:slug>/report/<slug:kind>/", pending, name="report_text"),
]
