# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Mirror & Glass Portal",
    "summary": "B2B and retail client portal for glass orders: cut lists, "
    "explained prices, piece tracking, payments and documents",
    "version": "18.0.1.0.0",
    "category": "Website",
    "website": "https://github.com/mirror-workshop/mirror-suite",
    "author": "Mirror Workshop Suite contributors",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["mirror_production", "sale", "portal", "crm", "sale_crm", "utm"],
    "data": [
        "security/ir.model.access.csv",
        "security/mirror_portal_security.xml",
        "data/utm_source_data.xml",
        "views/res_config_settings_views.xml",
        "views/res_partner_views.xml",
        "views/sale_portal_templates.xml",
        "views/glass_order_templates.xml",
        "views/portal_public_templates.xml",
        "views/crm_lead_views.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "mirror_portal/static/src/glass_editor/**/*",
        ],
        "web.assets_tests": [
            "mirror_portal/static/tests/tours/**/*",
        ],
    },
    "demo": ["demo/res_users_demo.xml"],
    "installable": True,
}
