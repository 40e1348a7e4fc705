"""A logging filter that keeps personal data out of every log line: email addresses, phone numbers and
helpdesk follow-up tokens are replaced before any handler formats the record."""

import logging
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
FOLLOW_UP = re.compile(r"(/permanence/suivi/)[^/\s?\"']+")
# French and international numbers: 06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78, 0612345678.
PHONE = re.compile(r"(?<![\w])(?:\+\d{2,3}[\s.-]?|0)\d(?:[\s.-]?\d{2}){4}(?![\w])")


def redact(text):
    text = FOLLOW_UP.sub(r"\1[jeton]", text)
    text = EMAIL.sub("[courriel]", text)
    return PHONE.sub("[téléphone]", text)


class RedactPersonalData(logging.Filter):
    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a malformed record: leave it to the handler
            return True
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True
