# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""PackingSolver's tree search as a second engine, run beside the beam search.

`PackingSolver <https://github.com/fontanf/packingsolver>`_ (Florian Fontan, MIT
license, on PyPI as ``packingsolver`` for Python 3.12 and newer) is a C++
implementation of the anytime tree search that Libralesso and Fontan designed for
this very problem (the ROADEF/EURO 2018 challenge). It is optional: without it,
the pure-Python beam search of :mod:`cutting.optimizer` plans alone.

:class:`Search` runs it in a thread (the library releases the GIL, so it takes
the second core while the beam search keeps the first) on the same instance:
the usable part of each sheet (inside its trim), every piece grown by the cut
width as the beam search does, the challenge's limits, the defects of each plate
and the stacks in their sequence. Its plan comes back as a
:class:`~cutting.layout.Layout`; the caller checks it with the independent
checker like any other plan and keeps the better one.
"""

import math
import threading

from .layout import Layout, LayoutRow, LayoutSheet, LayoutStrip, Placement

try:
    import packingsolver
    from packingsolver import rectangleguillotine
except ImportError:  # optional dependency
    packingsolver = rectangleguillotine = None


def available():
    """Whether PackingSolver can be imported."""
    return rectangleguillotine is not None


class Search:
    """One PackingSolver search of ``optimizer``'s instance, in a thread.

    ``start(time_limit)`` launches it; ``wait()`` waits for it to end or to find
    its first plan; ``layout()`` gives its best plan so far (None when it found
    none or failed; ``error`` then says why).
    """

    def __init__(self, optimizer):
        self.optimizer = optimizer
        self.instance = optimizer.instance
        self.error = None
        self._solution = None
        self._lock = threading.Lock()
        self._first = threading.Event()  # set on the first plan or at the end
        self._bins = []  # per PackingSolver bin type: the instance's sheet
        self._items = []  # per PackingSolver item type: the instance's item
        self._thread = None

    def start(self, time_limit):
        built = self._build()
        self._thread = threading.Thread(
            target=self._run,
            args=(built, time_limit),
            name="cutting-packingsolver",
            daemon=True,
        )
        self._thread.start()
        return self

    @property
    def found(self):
        """Whether a complete plan has been found (the search may go on)."""
        return self._solution is not None

    def wait(self, timeout=None, first=False):
        """Whether the search ended (with ``first``: found a plan or ended)
        within ``timeout`` seconds."""
        if first:
            return self._first.wait(timeout)
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def layout(self):
        """The best plan found so far, as a :class:`~cutting.layout.Layout`."""
        with self._lock:
            solution = self._solution
        if solution is None:
            return None
        try:
            return self._layout(solution)
        except (ValueError, IndexError, KeyError) as error:
            self.error = f"unreadable plan: {error}"
            return None

    # -- instance ----------------------------------------------------------------

    def _build(self):
        optimizer, instance = self.optimizer, self.instance
        params = instance.params
        cut = params.cut_width
        rg = rectangleguillotine
        builder = rg.InstanceBuilder()
        builder.set_objective(packingsolver.Objective.BinPackingWithLeftovers)
        builder.set_number_of_stages(3)
        builder.set_cut_type(rg.CutType.Roadef2018)
        builder.set_first_stage_orientation(rg.CutOrientation.Vertical)
        builder.set_minimum_distance_1_cuts(params.min1cut)
        builder.set_maximum_distance_1_cuts(params.max1cut)
        builder.set_minimum_distance_2_cuts(params.min2cut)
        builder.set_minimum_waste_length(params.min_waste)
        builder.set_cut_through_defects(False)
        # the usable part of each sheet; plates with defects are used in order
        # (the defects belong to the n-th plate cut), so each is a bin of its own
        sheets = optimizer.sheets
        plates = max(optimizer.defects, default=-1) + 1
        for kind, sheet in enumerate(sheets):
            width, height = optimizer._usable(sheet)
            copies = sheet.quantity
            if plates and len(sheets) == 1:
                # as many plates as a poor plan needs: every bin type weighs on
                # PackingSolver's start
                area = width * height
                copies = min(copies, 2 + math.ceil(1.3 * optimizer.item_area / area))
                for plate in range(copies):
                    builder.add_bin_type(width, height, copies=1)
                    self._bins.append(sheet)
                    for x0, y0, x1, y1 in optimizer.defects.get(plate, ()):
                        x, y = math.floor(x0), math.floor(y0)
                        builder.add_defect(
                            len(self._bins) - 1,
                            x,
                            y,
                            math.ceil(x1) - x,
                            math.ceil(y1) - y,
                        )
                continue
            if plates:
                raise ValueError("defects on several kinds of sheet")
            builder.add_bin_type(width, height, copies=copies)
            self._bins.append(sheets[kind])
        # the pieces, stack by stack in their sequence (PackingSolver cuts the
        # item types of a stack in the order they were added)
        for number, stack in enumerate(optimizer.stacks):
            for item in stack:
                builder.add_item_type(
                    item.length + cut,
                    item.width + cut,
                    oriented=not item.rotatable,
                    stack_id=number,
                    copies=1,
                )
                self._items.append(item)
        return builder.build()

    def _run(self, built, time_limit):
        parameters = rectangleguillotine.OptimizeParameters()
        parameters.time_limit = time_limit
        parameters.verbosity_level = 0
        parameters.optimization_mode = packingsolver.OptimizationMode.Anytime
        parameters.use_tree_search = True
        parameters.messages_to_stdout = False
        parameters.new_solution_callback = self._keep
        try:
            output = rectangleguillotine.optimize(built, parameters)
        except Exception as error:  # noqa: BLE001 - a failed engine is skipped
            self.error = f"{type(error).__name__}: {error}"
            return
        else:
            self._keep(output)
            if self._solution is None:
                self.error = "no complete plan within the time limit"
        finally:
            self._first.set()

    def _keep(self, output):
        """Keep ``output``'s solution when it cuts every piece: each one found is
        better than the last."""
        solution = output.solution
        if solution.number_of_items() == len(self._items) and solution.feasible():
            with self._lock:
                self._solution = solution
            self._first.set()

    # -- plan --------------------------------------------------------------------

    def _layout(self, solution):
        """The solution's node tree as a layout: 1-nodes as 1-strips, 2-nodes as
        rows, items wherever they are (a whole strip, a whole row, a 3-node or one
        of its two parts)."""
        cut = self.instance.params.cut_width
        result = Layout(beam=0, engine="packingsolver")
        for position in range(solution.number_of_different_bins()):
            solution_bin = solution.bin(position)
            for _copy in range(solution_bin.copies):
                sheet = LayoutSheet(self._bins[solution_bin.bin_type_id])
                nodes = solution_bin.nodes
                for strip_node in sorted(self._kids(nodes, 0), key=lambda n: n.l):
                    strip = LayoutStrip(strip_node.l, strip_node.r)
                    sheet.strips.append(strip)
                    for row_node in self._rows(nodes, strip_node, waste=True):
                        row = LayoutRow(row_node.b, row_node.t)
                        strip.rows.append(row)
                        for column in self._rows(nodes, row_node, across=True):
                            for part in self._rows(nodes, column):
                                if part.item_type_id >= 0:
                                    row.placements.append(self._place(part, cut))
                # what is right of the last piece is the sheet's rest
                while sheet.strips and not sheet.strips[-1].rows:
                    sheet.strips.pop()
                result.sheets.append(sheet)
        return result

    @staticmethod
    def _kids(nodes, index):
        return [nodes[kid] for kid in nodes[index].children]

    def _rows(self, nodes, node, across=False, waste=False):
        """The parts of ``node`` at the next level: itself when it is an item
        (a piece spanning that level), else its children. Waste rows are kept
        (as rows without pieces) with ``waste``; the other waste parts come back
        as the gaps between pieces."""
        if node.item_type_id >= 0:
            return [node]
        kids = [nodes[kid] for kid in node.children]
        kids.sort(key=(lambda kid: kid.l) if across else (lambda kid: kid.b))
        return [kid for kid in kids if waste or kid.item_type_id >= 0 or kid.children]

    def _place(self, node, cut):
        item = self._items[node.item_type_id]
        width, height = node.r - node.l, node.t - node.b
        rotated = (width, height) != (item.length + cut, item.width + cut)
        return Placement(item.id, node.l, node.b, width - cut, height - cut, rotated)
