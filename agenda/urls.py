from django.urls import path

from . import views

app_name = "agenda"
urlpatterns = [
    path("", views.event_list, name="index"),
    path("mois/<str:month>/", views.month_view, name="month"),
    path("archives/", views.archives, name="archives"),
    path("<slug:slug>.ics", views.event_calendar, name="event_ics"),
    path("<slug:slug>/", views.event_page, name="event"),
]
