from . import mirror_piece_break_wizard
