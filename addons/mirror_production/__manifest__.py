# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Mirror & Glass Production",
    "summary": "Glass catalog, piece specifications with explained prices, "
    "validation and production for mirror and glass workshops",
    "version": "18.0.1.0.0",
    "category": "Manufacturing",
    "website": "https://github.com/mirror-workshop/mirror-suite",
    "author": "Mirror Workshop Suite contributors",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["sale_management", "sale_margin", "mrp", "sale_mrp"],
    "external_dependencies": {"python": ["phonenumbers"]},
    "data": [
        "security/mirror_production_security.xml",
        "security/ir.model.access.csv",
        "data/product_data.xml",
        "data/mrp_data.xml",
        "data/mirror_breakage_reason_data.xml",
        "views/glass_templates.xml",
        "views/mirror_operation_views.xml",
        "views/product_template_views.xml",
        "views/sale_order_views.xml",
        "views/res_config_settings_views.xml",
        "views/mirror_piece_views.xml",
        "wizards/mirror_piece_break_wizard_views.xml",
        "views/mirror_menus.xml",
        "report/sale_report_templates.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/mrp_workcenter_demo.xml",
        "demo/product_demo.xml",
        "demo/mirror_operation_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/sale_order_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["mirror_production/static/tests/tours/*.js"],
    },
    "installable": True,
    "application": True,
}
