"""Runs of text isolated from the direction of the page around them (`convener.prose.direction`).

`{{ person.formal_name|isolate }}` for a name, a title, a date in words;
`{% filter ltr %}{{ start }}–{{ end }}{% endfilter %}` for a time range, a
clock, a symbol, an address: what reads left to right in every language.
"""

from django import template

from convener.prose.direction import isolated, left_to_right

register = template.Library()
register.filter("isolate", isolated)
register.filter("ltr", left_to_right)
