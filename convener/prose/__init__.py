"""Text the users write: Markdown rendered safely, UN document symbols made links."""
