from django.urls import path

from . import views

app_name = "tools"
urlpatterns = [
    path("", views.index, name="index"),
    path("financement-etat/", views.calculator, name="funding"),
    path("financement-etat/export/", views.export, name="funding_export"),
    path("financement-etat/modele.csv", views.template, {"extension": "csv"}, name="template_csv"),
    path(
        "financement-etat/modele.xlsx", views.template, {"extension": "xlsx"}, name="template_xlsx"
    ),
]
