from . import mirror_operation
from . import product_template
from . import res_company
from . import res_config_settings
from . import res_partner
from . import sale_order
