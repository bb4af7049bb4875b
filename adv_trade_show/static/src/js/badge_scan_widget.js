/** @odoo-module **/
// A large "Scan badge" button on the capture form: Odoo's own camera scanner reads the badge's
// QR code and its text goes into the Badge field, whose onchange fills the visitor's fields.
// Where no camera is available the button says so; typing stays the fallback.
import {Component} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {isBarcodeScannerSupported} from "@web/core/barcode/barcode_video_scanner";
import {registry} from "@web/core/registry";
import {scanBarcode} from "@web/core/barcode/barcode_dialog";
import {standardWidgetProps} from "@web/views/widgets/standard_widget_props";
import {useService} from "@web/core/utils/hooks";

export class BadgeScanWidget extends Component {
    static template = "adv_trade_show.BadgeScanWidget";
    static props = {...standardWidgetProps};

    setup() {
        this.notification = useService("notification");
        this.scannerSupported = isBarcodeScannerSupported();
    }

    async onScan() {
        let payload = false;
        try {
            payload = await scanBarcode(this.env);
        } catch (error) {
            this.notification.add(error.message || _t("The camera could not read the badge."), {
                type: "warning",
            });
            return;
        }
        if (payload) {
            await this.props.record.update({badge_payload: payload});
        }
    }
}

registry.category("view_widgets").add("adv_badge_scan", {component: BadgeScanWidget});
