"""Request ids: one per request, taken from the proxy's `X-Request-ID` when it is sane or generated,
returned in the response header and carried by every log record written while the request runs."""

import contextvars
import logging
import re
import uuid

from django.core.signals import request_finished

HEADER = "X-Request-ID"
# nginx's $request_id is 32 hex digits; other proxies send UUIDs. Anything else is replaced, so a log line
# never carries a header's arbitrary text.
SANE = re.compile(r"[A-Za-z0-9-]{16,64}")
NO_REQUEST = "-"

current = contextvars.ContextVar("request_id", default=NO_REQUEST)


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        proposed = request.headers.get(HEADER, "")
        request_id = proposed if SANE.fullmatch(proposed) else uuid.uuid4().hex
        request.request_id = request_id
        # Reset when the response is closed (`request_finished`), not on the way out of this middleware:
        # Django logs a failed response (django.request) after the middleware chain returns.
        current.set(request_id)
        response = self.get_response(request)
        response[HEADER] = request_id
        return response


def _request_finished(**kwargs):
    current.set(NO_REQUEST)


def install_record_factory():
    """Give every log record a `request_id` attribute (`-` outside a request), whatever its logger."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "adds_request_id", False):
        return

    def factory(*args, **kwargs):
        record = previous(*args, **kwargs)
        record.request_id = current.get()
        return record

    factory.adds_request_id = True
    logging.setLogRecordFactory(factory)
    request_finished.connect(_request_finished, dispatch_uid="portal-request-id")
