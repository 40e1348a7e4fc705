from django.conf import settings
from django.http import HttpResponseBadRequest


class SecurityHeadersMiddleware:
    """Adds the Content-Security-Policy and Permissions-Policy headers Django does not set itself.

    The Wagtail admin gets its own policy (ADMIN_CONTENT_SECURITY_POLICY): its widgets still need inline
    scripts, but nothing may load from or send to another origin. Views that serve user files set a
    stricter sandboxing policy, which is kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = (
            settings.ADMIN_CONTENT_SECURITY_POLICY
            if request.path.startswith("/admin/")
            else settings.CONTENT_SECURITY_POLICY
        )
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        return response


class RejectNullCharactersMiddleware:
    """Answers 400 to a URL holding a NUL character (%00): no link carries one, and PostgreSQL refuses it in
    any text, which would turn a filter or a search into a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(
                "Adresse invalide : elle contient un caractère nul.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
