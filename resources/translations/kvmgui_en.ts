<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>HostCheckDialog</name>
    <message numerus="yes">
        <location filename="../../kvmgui/ui/hostcheck_dialog.py" line="+259"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n warning(s).</source>
        <translation>
            <numerusform>%n warning.</numerusform>
            <numerusform>%n warnings.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../kvmgui/ui/main_window.py" line="+358"/>
        <source>%n VM folder(s) could not be read and are shown as such.</source>
        <translation>
            <numerusform>%n VM folder could not be read and is shown as such.</numerusform>
            <numerusform>%n VM folders could not be read and are shown as such.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+68"/>
        <source>%n virtual machine(s), {0} running</source>
        <translation>
            <numerusform>%n virtual machine, {0} running</numerusform>
            <numerusform>%n virtual machines, {0} running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+361"/>
        <source>%n virtual machine(s) are running: {0}.</source>
        <translation>
            <numerusform>%n virtual machine is running: {0}.</numerusform>
            <numerusform>%n virtual machines are running: {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>Shutting down %n virtual machine(s)…</source>
        <translation>
            <numerusform>Shutting down %n virtual machine…</numerusform>
            <numerusform>Shutting down %n virtual machines…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OsPage</name>
    <message numerus="yes">
        <location filename="../../kvmgui/ui/wizard/page_os.py" line="+98"/>
        <source>%n CPU(s)</source>
        <translation>
            <numerusform>%n CPU</numerusform>
            <numerusform>%n CPUs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message numerus="yes">
        <location filename="../../kvmgui/ui/details_overview.py" line="+97"/>
        <source>{0}; {1} of memory, %n CPU(s)</source>
        <translation>
            <numerusform>{0}; {1} of memory, %n CPU</numerusform>
            <numerusform>{0}; {1} of memory, %n CPUs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PerformancePage</name>
    <message numerus="yes">
        <location filename="../../kvmgui/ui/details_performance.py" line="+67"/>
        <source>Measured every {0} s, over the last %n minute(s). 100 % CPU is one host core fully busy.</source>
        <translation>
            <numerusform>Measured every {0} s, over the last %n minute. 100 % CPU is one host core fully busy.</numerusform>
            <numerusform>Measured every {0} s, over the last %n minutes. 100 % CPU is one host core fully busy.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>%n second ago</numerusform>
            <numerusform>%n seconds ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResourcesPage</name>
    <message numerus="yes">
        <location filename="../../kvmgui/ui/wizard/page_resources.py" line="+70"/>
        <source>This computer has %n CPU(s). A guest may use them all; they are shared with your other programs.</source>
        <translation>
            <numerusform>This computer has %n CPU. A guest may use it; it is shared with your other programs.</numerusform>
            <numerusform>This computer has %n CPUs. A guest may use them all; they are shared with your other programs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message numerus="yes">
        <location filename="../../kvmgui/ui/wizard/page_summary.py" line="+127"/>
        <source>%n CPU(s)</source>
        <translation>
            <numerusform>%n CPU</numerusform>
            <numerusform>%n CPUs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeystrokePaster</name>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Type %n line(s) into the virtual machine?</source>
        <translation>
            <numerusform>Type %n line into the virtual machine?</numerusform>
            <numerusform>Type %n lines into the virtual machine?</numerusform>
        </translation>
    </message>
</context>
</TS>
