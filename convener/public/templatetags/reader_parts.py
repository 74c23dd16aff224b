"""The parts of a page that are its reader's own: `{% reader_part "includes/account.html" %}`.

Rendered in place, as `{% include %}` would; in a page rendered to be shared
by several signed-in readers (`public.caching`), left as a mark that each
request fills in for its own reader.
"""

from django import template
from django.utils.safestring import SafeString, mark_safe

from convener.public.caching import reader_parts_of

register = template.Library()


@register.simple_tag(takes_context=True)
def reader_part(context: template.Context, template_name: str) -> SafeString:
    parts = reader_parts_of(context.get("request"))
    if parts is not None:
        return mark_safe(parts.mark(template_name))  # noqa: S308 — a mark of our own
    return context.template.engine.get_template(template_name).render(context)
