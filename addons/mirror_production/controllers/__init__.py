from . import workshop
