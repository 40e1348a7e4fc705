from django.conf import settings


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
