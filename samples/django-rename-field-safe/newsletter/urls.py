from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register(r"subscribers", views.SubscriberViewSet)

urlpatterns = router.urls
