from django.urls import path

from . import views

app_name = "helpdesk"
urlpatterns = [
    path("", views.ask, name="ask"),
    path("merci/", views.thanks, name="thanks"),
    path("suivi/<str:token>/", views.follow_up, name="follow_up"),
    path("suivi/<str:token>/pieces/<int:pk>/", views.requester_attachment, name="attachment"),
]
