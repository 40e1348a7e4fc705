"""The audience counter, around the anonymous page cache so that pages served from it are counted."""

from django.conf import settings

from .counting import count


class AudienceMiddleware:
    """Count each page view and document download once the answer is ready (see `counting`). Placed
    before `portal.pagecache.AnonymousPageCacheMiddleware`, whose cached answers it must see."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.AUDIENCE_COUNTING:
            count(request, response)
        return response
