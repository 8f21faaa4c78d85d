"""Delete workshop plans nobody has opened or changed for a while, with
their printed packs. Run it daily (cron or a systemd timer)."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from courses.planner.models import WorkshopPlan, ttl_days


class Command(BaseCommand):
    help = "Delete workshop plans untouched for PLANNER_PLAN_TTL_DAYS days (default 180)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Override PLANNER_PLAN_TTL_DAYS.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the plans that would go."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        days = ttl_days() if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1")
        cutoff = timezone.now() - timedelta(days=days)
        expired = WorkshopPlan.objects.filter(last_touched_at__lt=cutoff)
        if dry_run:
            self.stdout.write(f"{expired.count()} plans untouched for {days} days would be deleted")
            return
        count = 0
        for plan in expired.iterator():
            plan.delete_with_files()
            count += 1
        self.stdout.write(f"{count} plans untouched for {days} days deleted")
