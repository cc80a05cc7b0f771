import QtQuick

// One area of the window (a view), created the first time it is shown and kept from then on. Creating
// all six at start-up made each read its part of the cache at once: on a 10,000-product mesh the
// window took about 12 s and 1.1 GB to show the domain map, against 1.6 s and 235 MB for that view alone.
Loader {
    id: loader

    /// The area is the one shown.
    required property bool current
    /// Once shown, the view stays: switching back keeps its state and reads nothing again.
    property bool shown: false
    /// An item asked for (AppController.open) before the view existed, handed to it once loaded.
    property string pendingId

    /// Shows `id` in the view (its openItem()), now or once the view is loaded.
    function openItem(id: string) {
        if (id === "")
            return
        if (loader.item && loader.item.openItem)
            loader.item.openItem(id)
        else
            loader.pendingId = id
    }

    // A latch, not `shown || current`: the start area is current from the start, so an onActiveChanged
    // never fired for it and switching away destroyed it (and an unsaved edit in it).
    active: shown
    onCurrentChanged: if (current) shown = true
    Component.onCompleted: if (current) shown = true
    onLoaded: {
        if (loader.pendingId !== "" && loader.item.openItem)
            loader.item.openItem(loader.pendingId)
        loader.pendingId = ""
    }
}
