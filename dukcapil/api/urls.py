from django.urls import path

from . import views

urlpatterns = [
    path("status/", views.StatusLookupView.as_view(), name="api-status"),
    path("antrian/", views.QueueListView.as_view(), name="api-antrian"),
    path("antrian/ringkasan/", views.QueueSummaryView.as_view(), name="api-antrian-ringkasan"),
]
