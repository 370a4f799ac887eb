from . import mirror_piece_break_wizard
from . import mirror_repromise_wizard
