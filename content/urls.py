from django.urls import path

from . import views

app_name = "content"
urlpatterns = [
    path("lexique/", views.glossary, name="glossary"),
]
