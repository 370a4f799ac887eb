from . import portal
from . import glass_order
from . import public
from . import account_portal
