import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0003_sitesettings_pdf_options'),
    ]

    operations = [
        migrations.AddField(
            model_name='sitesettings',
            name='quick_exit_url',
            field=models.URLField(default='https://www.google.com/', help_text='Adónde lleva el botón «Salir rápido»: un sitio común que no llame la atención, como un buscador o el pronóstico del tiempo.', max_length=500, validators=[django.core.validators.URLValidator(schemes=['https', 'http'])], verbose_name='sitio de la salida rápida'),
        ),
        migrations.AddField(
            model_name='sitesettings',
            name='discreet_mode',
            field=models.BooleanField(default=False, help_text='Todas las páginas muestran en la pestaña del navegador (y en el historial) un título neutro, sin el nombre del sitio ni el tema.', verbose_name='modo discreto'),
        ),
        migrations.AddField(
            model_name='sitesettings',
            name='discreet_title',
            field=models.CharField(blank=True, help_text='El título de las pestañas en modo discreto. Si queda vacío: «Notas».', max_length=60, verbose_name='título neutro'),
        ),
    ]
