from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.static import serve

from core.public_url import public_url


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /permanence/suivi/",
        "Disallow: /abonnements/confirmer/",
        "Disallow: /abonnements/gerer/",
        "Disallow: /abonnements/desinscription/",
        "Disallow: /recherche/",
        f"Sitemap: {public_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors that touch the database: the error may come from it.
    return HttpResponseServerError(loader.get_template("500.html").render())


# What the proxy must send with every file of MEDIA_ROOT (see the nginx rule in the deployment notes).
MEDIA_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": "attachment",
}


def serve_media(request, path):
    """MEDIA_ROOT in development, with the headers production's proxy adds: a file opened directly is
    downloaded, never run as a page of the portal (images still show in <img>)."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    for header, value in MEDIA_HEADERS.items():
        response[header] = value
    return response
