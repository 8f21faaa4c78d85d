"""Editor roles as groups, with their Wagtail permissions and a review workflow.

- Edición · <language>: write pages of that language (permissions on its
  home page, given when the page exists: see cms/security/roles.py), upload
  images and documents, edit topics and glossary terms. No publishing:
  changes go to review.
- Traducción: edit pages in every language, without publishing.
- Moderación: review and publish in every language (the workflow's approvers).
- Facilitación (trainers): sign in and read the private workshop materials.

A collection "Materiales privados de facilitación" holds documents that only
these groups can download. Frozen here on purpose: later changes to roles go
in new migrations.
"""

from django.db import migrations

LOCALE_EDITORS = {
    "es": "Edición · español",
    "pt-br": "Edición · português (Brasil)",
    "en": "Edición · English",
}
TRANSLATORS = "Traducción"
MODERATORS = "Moderación"
TRAINERS = "Facilitación"
PRIVATE_COLLECTION = "Materiales privados de facilitación"
WORKFLOW = "Revisión antes de publicar"
TASK = "Aprobación de moderación"

ADMIN_ACCESS = [("wagtailadmin", "admin", "access_admin")]
SNIPPETS_EDIT = [
    ("courses", model, f"{action}_{model}")
    for model in ("topic", "glossaryterm")
    for action in ("add", "change", "view")
]
SNIPPETS_ALL = SNIPPETS_EDIT + [
    ("courses", model, f"delete_{model}") for model in ("topic", "glossaryterm")
]
# (group, model permissions, collection permissions, page permissions on the
# root page, i.e. every language)
ROLES = {
    **{
        name: (ADMIN_ACCESS + SNIPPETS_EDIT, ["add", "change", "choose"], [])
        for name in LOCALE_EDITORS.values()
    },
    TRANSLATORS: (ADMIN_ACCESS + SNIPPETS_EDIT, ["choose"], ["add", "change", "lock"]),
    MODERATORS: (
        ADMIN_ACCESS + SNIPPETS_ALL,
        ["add", "change", "choose", "delete"],
        ["add", "change", "lock", "publish", "unlock"],
    ),
    TRAINERS: (ADMIN_ACCESS, ["choose"], []),
}
LOCALE_EDITOR_PAGE_PERMISSIONS = ["add", "change", "lock"]


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return perm


def private_collection(apps):
    """A child of the root collection (treebeard paths written by hand: the
    migration's models have no tree methods)."""
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return None
    existing = Collection.objects.filter(depth=2, name=PRIVATE_COLLECTION).first()
    if existing:
        return existing
    last = Collection.objects.filter(depth=2).order_by("-path").first()
    number = int(last.path[-4:], 36) + 1 if last else 1
    step = ""
    while number:
        number, digit = divmod(number, 36)
        step = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[digit] + step
    collection = Collection.objects.create(
        name=PRIVATE_COLLECTION, path=root.path + step.rjust(4, "0"), depth=2, numchild=0
    )
    root.numchild += 1
    root.save(update_fields=["numchild"])
    return collection


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    groups = {}
    for name, (model_perms, collection_perms, page_perms) in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(*[permission(apps, *spec) for spec in model_perms])
        if root_collection:
            for action in collection_perms:
                for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=permission(apps, app_label, model, f"{action}_{model}"),
                    )
        if root_page:
            for action in page_perms:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=permission(apps, "wagtailcore", "page", f"{action}_page"),
                )

    # Editors of a language: permissions on that language's home page, if
    # it already exists (otherwise given when it is created).
    for code, name in LOCALE_EDITORS.items():
        for home in Page.objects.filter(depth=2, locale__language_code=code):
            for action in LOCALE_EDITOR_PAGE_PERMISSIONS:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name],
                    page=home,
                    permission=permission(apps, "wagtailcore", "page", f"{action}_page"),
                )

    # Documents only trainers, moderators and editors may download.
    collection = private_collection(apps)
    if collection and not CollectionViewRestriction.objects.filter(collection=collection).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type="groups"
        )
        restriction.groups.set(
            [groups[TRAINERS], groups[MODERATORS]]
            + [groups[name] for name in LOCALE_EDITORS.values()]
        )

    # Review before publishing: moderators approve what editors and
    # translators submit, in every language.
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.set([groups[MODERATORS]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0004_sitesettings_quick_exit_discreet_mode'),
        ('courses', '0001_initial'),
        ('wagtailadmin', '0006_formstate'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtaildocs', '0014_alter_document_file_size'),
        ('wagtailimages', '0027_image_description'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.RunPython(create_roles, migrations.RunPython.noop),
    ]
