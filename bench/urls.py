import json

from django.http import HttpResponse, JsonResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt

from dukcapil.models import Berkas


@csrf_exempt
def bare_lookup(request):
    """Baseline: a bare Django JSON view doing one indexed-row lookup on the same table."""
    if request.method != "POST":
        return HttpResponse(status=405)
    body = json.loads(request.body)
    row = (
        Berkas.objects.filter(nomor_registrasi=body["nomor_registrasi"], pemohon_nik=body["nik"])
        .values_list("status", flat=True)
        .first()
    )
    return JsonResponse({"status": row})


urlpatterns = [
    path("bench/bare/", bare_lookup),
    path("", include("dukcapil.urls")),
]
