from pathlib import Path
from kvmgui.ui.wizard import NewVmWizard

def test_smoke(qtbot, ctx, test_iso):
    w = NewVmWizard(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.env_ready, timeout=30000)
    w.source_page.iso.set_text(str(test_iso))
    for i in range(5):
        print(w.currentPage().title(), [p.message for p in w.currentPage().my_problems()])
        w.next()
    print(w.currentPage().title(), [p.message for p in w.currentPage().my_problems()])
    print(w.command_line)
    w.grab().save("/tmp/wiz.png")
