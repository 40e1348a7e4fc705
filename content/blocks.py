from wagtail import blocks

from core.blocks import BaseStreamBlock, SectionBlock


class DossierStreamBlock(BaseStreamBlock):
    """A dossier body: the shared blocks plus titled, collapsible sections."""

    section = SectionBlock()


class KeyPointsBlock(blocks.StreamBlock):
    point = blocks.CharBlock(label="Point clé", icon="tick")

    class Meta:
        label = "Points clés"
