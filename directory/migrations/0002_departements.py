from django.db import migrations

from taxonomy.departements import DEPARTEMENTS


def create_departements(apps, schema_editor):
    Departement = apps.get_model("directory", "Departement")
    for position, (code, name, region) in enumerate(DEPARTEMENTS):
        Departement.objects.update_or_create(code=code, defaults={"name": name, "region": region, "position": position})


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(create_departements, migrations.RunPython.noop)]
