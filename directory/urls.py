from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("", views.index, name="index"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("export.json", views.export_json_view, name="export_json"),
    path("departements/<str:code>/", views.departement, name="departement"),
    path("<slug:slug>/", views.actor, name="actor"),
]
