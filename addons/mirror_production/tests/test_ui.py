# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a manager and an operator hit first: the tablet on a phone, the quotation's
glass lines at 1600 px, and the Russian of what the workshop stores and shows."""

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools.translate import code_translations

from .test_cutting import CuttingCommon
from .test_workshop import WorkshopCommon

# terms other modules translate differently, where either reads right on our screens
# (the web client keeps one translation per term, whichever module comes last)
ACCEPTED_COLLISIONS = {
    "Cancel": {"Отмена", "Отменить"},
    "OK": {"ОК", "OK"},  # Cyrillic or Latin letters
}


@tagged("post_install", "-at_install")
class TestUi(WorkshopCommon, CuttingCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env.ref("base.module_mirror_production")._update_translations(
            "ru_RU", overwrite=True
        )
        # a Russian workshop: its stored texts are in Russian
        cls.company.partner_id.lang = "ru_RU"

    def _no_lang(self):
        """The environment of a call over RPC without a context (no language)."""
        return self.env(context={})

    # -- the language of stored texts ---------------------------------------------

    def test_stored_texts_follow_the_company_language_without_a_lang(self):
        env = self._no_lang()
        order = self._confirmed_order()
        piece = self.env["mirror.piece"].search(
            [("order_id", "=", order.id), ("width", "=", 1000)], limit=1
        )
        piece.action_finish()  # cut
        remake = piece.with_env(env)._mirror_report_broken(self.reason)
        self.assertEqual(remake.name, f"{piece.name} переделка")
        self.assertIn("разбито", order.message_ids[0].body)
        # a user's language still wins
        other = self.env["mirror.piece"].search(
            [("order_id", "=", order.id), ("width", "=", 600)], limit=1
        )
        other.action_finish()
        english = other.with_context(lang="en_US")._mirror_report_broken(self.reason)
        self.assertEqual(english.name, f"{other.name} remake")

    def test_cutting_batch_is_created_in_the_company_language(self):
        self._stock(self.float_4, 1)
        pieces = self._pieces(self._order((600, 600, 1)))
        batch = self._no_lang()["mirror.cutting.batch"].create(
            {"product_id": self.float_4.id, "piece_ids": [Command.set(pieces.ids)]}
        )
        created = batch.message_ids[-1].body
        self.assertIn("Партия раскроя", created)
        self.assertNotIn("Cutting Batch", created)
        batch.action_optimize()
        self._run_job(batch)
        self.assertEqual(batch.state, "planned")
        batch.with_env(self._no_lang()).action_confirm()
        message = batch.message_ids[0].body
        # "0,360 м²", not "0.360 m²"
        self.assertRegex(message, r"\d,\d{3} м²")
        self.assertNotRegex(message, r"\d\.\d")
        moves = self.env["stock.move"].search(
            [("mirror_cutting_batch_id", "=", batch.id)]
        )
        self.assertIn(f"{batch.name}: раскроенные листы", moves.mapped("name"))
        self.assertFalse([name for name in moves.mapped("name") if "cut" in name])

    def test_glass_texts_read_in_russian_numbers_and_units(self):
        values = self._line_values(
            width=1100, height=800, glass_edge_all_id=self.edge_ground.id
        )
        order = self._no_lang()["sale.order"].create(
            {
                "partner_id": self.partner.id,
                "pricelist_id": self.pricelist.id,
                "order_line": [Command.create(values)],
            }
        )
        line = order.order_line
        # the edge lengths are stored in the company's language: "3,8 м", not "3.8 m"
        self.assertEqual(line.glass_edge_summary, "Test ground edge 3,8 м")
        # the price breakdown, read in Russian: "0,88 м²", not "0.88 м²"
        line.invalidate_recordset(["glass_breakdown_html"])
        html = " ".join(
            str(line.with_context(lang="ru_RU").glass_breakdown_html).split()
        )
        self.assertIn("0,88 м²", html)
        self.assertNotIn("0.88", html)
        self.assertIn("3,8 пог. м", html)
        # in English, as before
        english = self._create_order(values).order_line
        self.assertEqual(english.glass_edge_summary, "Test ground edge 3.8 m")
        english.invalidate_recordset(["glass_breakdown_html"])
        self.assertIn("0.88 m²", " ".join(str(english.glass_breakdown_html).split()))
        # the description follows the customer's language, with its decimal comma
        self.partner.lang = "ru_RU"
        russian = self._create_order(
            self._line_values(width=1000.5, height=800)
        ).order_line
        self.assertIn("1000,5 × 800 мм", russian.name)

    def test_russian_labels_of_the_tablet_and_the_views(self):
        web = {
            message["id"]: message["string"]
            for message in code_translations.get_web_translations(
                "mirror_production", "ru_RU"
            )["messages"]
        }
        self.assertEqual(web["Start work"], "Начать")
        self.assertEqual(web["Done"], "Готово")
        Views = self.env["ir.ui.view"].with_context(lang="ru_RU")
        spec_form = Views.browse(
            self.env.ref("mirror_production.sale_order_line_view_form_glass").id
        ).arch_db
        self.assertIn('string="Кол-во, шт."', spec_form)
        batch_form = Views.browse(
            self.env.ref("mirror_production.mirror_cutting_batch_view_form").id
        ).arch_db
        self.assertIn('string="Изделия"', batch_form)
        self.assertNotIn("Кол-во, шт.", batch_form)
        model = (
            self.env["ir.model"].with_context(lang="ru_RU")._get("mirror.cutting.batch")
        )
        self.assertEqual(model.name, "Партия раскроя")

    def test_tablet_terms_are_not_overridden_by_other_modules(self):
        """The web client keeps one translation per term: one of another module
        ("Начало" for "Start") must not replace ours on the tablet's buttons."""

        def terms(module):
            return {
                message["id"]: message["string"]
                for message in code_translations.get_web_translations(module, "ru_RU")[
                    "messages"
                ]
            }

        ours = terms("mirror_production")
        modules = self.env["ir.module.module"].search([("state", "=", "installed")])
        conflicts = []
        for module in modules.mapped("name"):
            if module == "mirror_production":
                continue
            for term, translation in terms(module).items():
                if term not in ours or translation == ours[term]:
                    continue
                accepted = ACCEPTED_COLLISIONS.get(term, set())
                if {translation, ours[term]} <= accepted:
                    continue
                conflicts.append(f"{term!r}: {ours[term]!r} / {module} {translation!r}")
        self.assertFalse(conflicts, "\n".join(conflicts))

    def test_demo_shows_the_workshop_and_russian(self):
        odoo_demo = self.env.ref("mrp.mrp_workcenter_1", raise_if_not_found=False)
        demo_batch = self.env.ref(
            "mirror_production.mrp_workcenter_demo_cutting", raise_if_not_found=False
        )
        if not (odoo_demo and demo_batch):
            self.skipTest("needs the demo data of mrp and mirror_production")
        stations = self.env["mrp.workcenter"].search(
            [("company_id", "in", [self.env.company.id, False])]
        )
        self.assertFalse(
            {"Assembly 1", "Assembly 2", "Drill 1"} & set(stations.mapped("name"))
        )
        self.assertIn(demo_batch, stations)
        self.assertFalse(odoo_demo.active)
        for batch in self.env["mirror.cutting.batch"].search([]):
            self.assertNotIn("Cutting Batch", batch.message_ids[-1:].body or "")
        order = self.env.ref("mirror_production.sale_order_demo_1")
        self.assertNotIn("Sales Order", order.message_ids[-1].body)
        lines = self.env["sale.order.line"].search(
            [
                ("order_id.company_id", "=", self.env.company.id),
                ("glass_is_piece", "=", True),
            ]
        )
        for line in lines.filtered("glass_edge_summary"):
            self.assertNotRegex(line.glass_edge_summary, r"\d\.\d|\d m\b")
        for line in lines:
            self.assertNotRegex(line.name, r"rectangle|circle|express|urgent|edges:")

    # -- in the browser --------------------------------------------------------------

    def test_phone_tablet_tour(self):
        self.browser_size = "412x915"
        self.operator_user.lang = "ru_RU"
        order = self._confirmed_order()
        order.mrp_production_ids.date_deadline = "2026-12-01 10:00:00"
        pieces = self.env["mirror.piece"].search([("order_id", "=", order.id)])
        first = pieces.filtered(lambda p: p.width == 1000)[0]
        first.priority = "1"  # urgent: first in the queue
        self.start_tour(
            "/odoo/action-mirror_production.mirror_workshop_tablet_action",
            "mirror_phone_tablet_tour",
            login="test-tablet",
        )
        cut = first.step_ids.sorted("sequence")[0]
        self.assertEqual(cut.state, "done")
        self.assertEqual(cut.employee_id, self.cutter)

    def test_glass_line_tour(self):
        self.browser_size = "1600x900"
        self.env.ref("base.user_admin").lang = "en_US"
        # names as long as a workshop's catalog has them
        self.float_4.name = "Test float glass, clear, low iron 4 mm"
        self.edge_ground.name = "Test ground edge, arrised faces"
        orders = self.env["sale.order"].search([])
        self.start_tour("/odoo/sales/new", "mirror_glass_line_tour", login="admin")
        order = self.env["sale.order"].search([]) - orders
        self.assertEqual(len(order), 1)
        line = order.order_line
        self.assertEqual((line.glass_width, line.glass_height), (1000, 500))
        self.assertEqual(line.glass_edge_all_id, self.edge_ground)
        self.assertEqual(line.price_unit, 800)
