from django.urls import path

from convener.manage.views.scaffold import pending

urlpatterns = [
    path("directory/people/", pending, name="people_search"),
    path("directory/organisations/", pending, name="organisations_search"),
    path("directory/people/new/", pending, name="person_create"),
    path("directory/organisations/new/", pending, name="organisation_create"),
]
