import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    """Copies of a handout per participant, per group or for the whole
    workshop (the count keeps its value; per participant by default, as
    before), and handouts printed as pocket cards."""

    dependencies = [
        ("courses", "0006_printed_file_content_type_length"),
    ]

    operations = [
        migrations.RenameField(
            model_name="handoutpage",
            old_name="copies_per_participant",
            new_name="copies",
        ),
        migrations.AlterField(
            model_name="handoutpage",
            name="copies",
            field=models.PositiveSmallIntegerField(
                default=1,
                help_text="Cuántas copias de esta hoja hacen falta, por participante, por grupo o para todo el taller (abajo). La guía, el paquete del taller, sus instrucciones de impresión y la cuenta de hojas leen este número.",
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(10),
                ],
                verbose_name="copias",
            ),
        ),
        migrations.AddField(
            model_name="handoutpage",
            name="copies_for",
            field=models.CharField(
                choices=[
                    ("participant", "cada participante"),
                    ("group", "cada grupo"),
                    ("workshop", "todo el taller"),
                ],
                default="participant",
                max_length=12,
                verbose_name="copias para",
            ),
        ),
        migrations.AddField(
            model_name="handoutpage",
            name="people_per_group",
            field=models.PositiveSmallIntegerField(
                default=5,
                help_text="Solo para copias por grupo: cuántas personas tiene cada grupo.",
                validators=[
                    django.core.validators.MinValueValidator(2),
                    django.core.validators.MaxValueValidator(30),
                ],
                verbose_name="personas por grupo",
            ),
        ),
        migrations.AddField(
            model_name="handoutpage",
            name="pocket_card",
            field=models.BooleanField(
                default=False,
                help_text="Una hoja corta para llevar encima: se ofrece también como cuatro tarjetas en una hoja (A6, o un cuarto de carta), para recortar.",
                verbose_name="tarjeta de bolsillo",
            ),
        ),
    ]
