from ..printing.models import PrintedFile, RenderLock
from .guides import Activity, FacilitatorGuidePage
from .lessons import HandoutPage, LessonPage
from .modules import ModuleIndexPage, ModulePage
from .snippets import GlossaryPage, GlossaryTerm, Topic

__all__ = [
    "Activity",
    "FacilitatorGuidePage",
    "GlossaryPage",
    "GlossaryTerm",
    "HandoutPage",
    "LessonPage",
    "ModuleIndexPage",
    "ModulePage",
    "PrintedFile",
    "RenderLock",
    "Topic",
]
