from django.conf import settings


class SecurityHeadersMiddleware:
    """Adds the Content-Security-Policy and Permissions-Policy headers Django does not set itself.

    The Wagtail admin needs inline scripts of its own, so the policy is only applied outside /admin/;
    views that serve user files set a stricter sandboxing policy, which is kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/admin/"):
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        return response
