package dev.blastradius.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Python entry points, each reaching a DB-API read of its own column: Django URLs (function views,
 * class-based views, DRF routers and actions, includes), management commands, Celery tasks and
 * beat, signal receivers, FastAPI and Flask routes with their dependencies, APScheduler, schedule,
 * RQ and dramatiq.
 */
class PythonEntryPointsTest {

  /** A DAO with one function per column; each reads its column with the given entry kinds. */
  private static String dao(String... columnsAndKinds) {
    StringBuilder text = new StringBuilder("from django.db import connection\n");
    for (int i = 0; i < columnsAndKinds.length; i += 2) {
      String column = columnsAndKinds[i];
      text.append("\n\ndef ")
          .append(column)
          .append("():\n    # expect: read t.")
          .append(column)
          .append(" ")
          .append(columnsAndKinds[i + 1])
          .append("\n    connection.cursor().execute(\"SELECT ")
          .append(column)
          .append(" FROM t\")\n");
    }
    return text.toString();
  }

  private static ExtractorTestHelper project() {
    return ExtractorTestHelper.create()
        .migration(
            "V1__t.sql",
            """
            -- expect: ddl t.detail, ddl t.listing, ddl t.creating, ddl t.viewset, ddl t.action, ddl t.hook, ddl t.command, ddl t.task, ddl t.beat, ddl t.signal, ddl t.connected, ddl t.fastapi, ddl t.dependency, ddl t.flask, ddl t.aps, ddl t.sched, ddl t.rq, ddl t.actor, ddl t.orphan
            CREATE TABLE t (detail int, listing int, creating int, viewset int, action int, hook int,
              command int, task int, beat int, signal int, connected int, fastapi int, dependency int,
              flask int, aps int, sched int, rq int, actor int, orphan int);
            """);
  }

  private static List<String> labels(AnalysisResult result, String column) {
    Access access =
        result.graph().accesses().stream()
            .filter(a -> a.column().column().equals(column))
            .filter(a -> a.kind().jsonName().equals("read"))
            .findFirst()
            .orElseThrow();
    return access.entryPoints().stream().map(EntryPoint::label).toList();
  }

  @Test
  void positive_djangoUrlsViewsAndRouters() {
    AnalysisResult result =
        project()
            .source("proj/__init__.py", "")
            .source(
                "proj/urls.py",
                """
                from django.contrib import admin
                from django.urls import include, path

                urlpatterns = [
                    path("admin/", admin.site.urls),
                    path("api/", include("shop.urls")),
                ]
                """)
            .source("shop/__init__.py", "")
            .source(
                "shop/urls.py",
                """
                from django.urls import path, include, re_path
                from rest_framework.routers import DefaultRouter
                from . import views

                router = DefaultRouter()
                router.register(r"customers", views.CustomerViewSet, basename="customer")

                urlpatterns = [
                    path("orders/<int:pk>/", views.order_detail),
                    path("orders/", views.OrderList.as_view(), name="orders"),
                    re_path(r"^hooks/stripe/$", views.stripe_webhook),
                    path("", include(router.urls)),
                ]
                """)
            .source(
                "shop/views.py",
                """
                from django.views import View
                from django.views.decorators.http import require_GET
                from rest_framework import viewsets
                from rest_framework.decorators import action
                from shop import dao


                @require_GET
                def order_detail(request, pk):
                    dao.detail()


                class OrderList(View):
                    def get(self, request):
                        dao.listing()

                    def post(self, request):
                        self.save_it()

                    def save_it(self):
                        dao.creating()


                class CustomerViewSet(viewsets.ModelViewSet):
                    def get_queryset(self):
                        dao.viewset()

                    @action(detail=True, methods=["post"])
                    def activate(self, request, pk=None):
                        dao.action()


                def stripe_webhook(request):
                    dao.hook()


                def unrouted(request):
                    dao.orphan()
                """)
            .source(
                "shop/dao.py",
                dao(
                    "detail",
                    "@http",
                    "listing",
                    "@http",
                    "creating",
                    "@http",
                    "viewset",
                    "@http",
                    "action",
                    "@http",
                    "hook",
                    "@webhook",
                    "orphan",
                    "@none"))
            .doTest();
    assertThat(labels(result, "detail")).containsExactly("http GET /api/orders/<int:pk>/");
    assertThat(labels(result, "listing")).containsExactly("http GET /api/orders/");
    assertThat(labels(result, "creating")).containsExactly("http POST /api/orders/");
    assertThat(labels(result, "viewset"))
        .containsExactly(
            "http DELETE /api/customers/{pk}/",
            "http GET /api/customers/",
            "http GET /api/customers/{pk}/",
            "http PATCH /api/customers/{pk}/",
            "http POST /api/customers/",
            "http POST /api/customers/{pk}/activate/",
            "http PUT /api/customers/{pk}/");
    assertThat(labels(result, "action")).containsExactly("http POST /api/customers/{pk}/activate/");
    assertThat(labels(result, "hook")).containsExactly("webhook ANY /api/hooks/stripe/");
  }

  @Test
  void positive_commandsTasksBeatAndSignals() {
    AnalysisResult result =
        project()
            .source("proj/__init__.py", "")
            .source(
                "proj/celery.py",
                """
                from celery import Celery
                from celery.schedules import crontab

                app = Celery("proj")
                """)
            .source(
                "proj/settings.py",
                """
                from celery.schedules import crontab

                CELERY_BEAT_SCHEDULE = {
                    "nightly-report": {
                        "task": "shop.tasks.nightly",
                        "schedule": crontab(hour=3, minute=0),
                    },
                }
                """)
            .source("shop/__init__.py", "")
            .source(
                "shop/dao.py",
                dao(
                    "command",
                    "@script",
                    "task",
                    "@worker",
                    "beat",
                    "@cron @worker",
                    "signal",
                    "@listener",
                    "connected",
                    "@listener"))
            .source(
                "shop/management/commands/export_all.py",
                """
                from django.core.management.base import BaseCommand
                from shop import dao


                class Command(BaseCommand):
                    def handle(self, *args, **options):
                        self.export()

                    def export(self):
                        dao.command()
                """)
            .source(
                "shop/tasks.py",
                """
                from celery import shared_task
                from proj.celery import app
                from shop import dao


                @shared_task(bind=True)
                def send(self, order_id):
                    dao.task()


                @app.task
                def nightly():
                    dao.beat()
                """)
            .source(
                "shop/signals.py",
                """
                from django.db.models.signals import post_save, pre_delete
                from django.dispatch import receiver
                from shop import dao
                from shop.models import Order


                @receiver(post_save, sender=Order)
                def on_save(sender, instance, **kwargs):
                    dao.signal()


                def on_delete(sender, instance, **kwargs):
                    dao.connected()


                pre_delete.connect(on_delete, sender=Order)
                """)
            .source(
                "shop/models.py",
                """
                from django.db import models


                class Order(models.Model):
                    total = models.IntegerField()
                """)
            .doTest();
    assertThat(labels(result, "command")).containsExactly("script manage.py export_all");
    assertThat(labels(result, "task")).containsExactly("worker celery shop.tasks.send");
    assertThat(labels(result, "beat"))
        .containsExactly(
            "cron beat nightly-report (crontab(hour=3, minute=0))",
            "worker celery shop.tasks.nightly");
    assertThat(labels(result, "signal")).containsExactly("listener signal post_save Order");
    assertThat(labels(result, "connected")).containsExactly("listener signal pre_delete Order");
  }

  @Test
  void positive_fastapiFlaskSchedulersAndQueues() {
    AnalysisResult result =
        project()
            .source(
                "app/dao.py",
                dao(
                    "dependency",
                    "@http",
                    "fastapi",
                    "@http",
                    "flask",
                    "@admin",
                    "aps",
                    "@cron",
                    "sched",
                    "@cron",
                    "rq",
                    "@worker",
                    "actor",
                    "@worker"))
            .source(
                "app/api.py",
                """
                from fastapi import APIRouter, Depends, FastAPI
                from app import dao

                app = FastAPI()
                router = APIRouter(prefix="/users")


                def get_db():
                    dao.dependency()


                @router.get("/{user_id}")
                def get_user(user_id: int, db=Depends(get_db)):
                    dao.fastapi()
                """)
            .source(
                "app/web.py",
                """
                from flask import Blueprint
                from app import dao

                admin = Blueprint("admin", __name__, url_prefix="/admin")


                @admin.route("/users", methods=["POST"])
                def create_user():
                    dao.flask()
                """)
            .source(
                "app/jobs.py",
                """
                import dramatiq
                import schedule
                from apscheduler.schedulers.background import BackgroundScheduler
                from redis import Redis
                from rq import Queue
                from app import dao

                scheduler = BackgroundScheduler()
                queue = Queue(connection=Redis())


                @scheduler.scheduled_job("cron", hour=4)
                def cleanup():
                    dao.aps()


                def poll():
                    dao.sched()


                def resize(image_id):
                    dao.rq()


                @dramatiq.actor
                def notify(user_id):
                    dao.actor()


                def start():
                    schedule.every(10).minutes.do(poll)
                    queue.enqueue(resize, 1)
                """)
            .doTest();
    assertThat(labels(result, "fastapi")).containsExactly("http GET /users/{user_id}");
    assertThat(labels(result, "dependency")).containsExactly("http GET /users/{user_id}");
    assertThat(labels(result, "flask")).containsExactly("admin POST /admin/users");
    assertThat(labels(result, "aps"))
        .containsExactly("cron apscheduler cleanup (\"cron\", hour=4)");
    assertThat(labels(result, "sched"))
        .containsExactly("cron schedule poll (schedule.every(10).minutes)");
    assertThat(labels(result, "rq")).containsExactly("worker rq resize");
    assertThat(labels(result, "actor")).containsExactly("worker dramatiq jobs.notify");
  }

  @Test
  void negative_projectDecoratorsAndUnknownLibrariesAreNoEntryPoints() {
    project()
        .source("app/dao.py", dao("orphan", "@none", "task", "@none"))
        .source(
            "app/deco.py",
            """
            def route(path):
                def wrap(f):
                    return f
                return wrap
            """)
        .source(
            "app/handlers.py",
            """
            from app.deco import route
            from somelib import task
            from app import dao


            @route("/x")
            def mine():
                dao.orphan()


            @task
            def theirs():
                dao.task()
            """)
        .doTest();
  }
}
