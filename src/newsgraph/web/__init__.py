"""The web app's pages: templates, static files and the article highlighter."""
