from django.urls import path

from . import views

app_name = "exchanges"
urlpatterns = [
    path("", views.archive, name="archive"),
    path("nouveau/", views.new_thread, name="new"),
    path("<int:pk>/", views.thread, name="thread"),
    path("pieces/<int:pk>/", views.attachment, name="attachment"),
]
