package io.jiangxin.registry;

/** What a draw of lots (抽签) assigns: entry codes (参赛号) or workstations (工位号). */
public enum DrawKind {
    ENTRY_CODES("参赛号抽签"),
    STATIONS("工位号抽签");

    private final String label;

    DrawKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
