from django import template
from django.conf import settings
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def language_links() -> list[dict[str, object]]:
    """The interface's languages, each named in itself, the current one marked."""
    current = get_language()
    return [
        {"code": code, "name": name, "current": code == current}
        for code, name in settings.LANGUAGES
    ]
