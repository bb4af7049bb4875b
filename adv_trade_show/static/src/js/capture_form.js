/** @odoo-module **/
// The capture form ("adv_capture_form"): Save & process on a new visitor is one request
// (`action_capture`: create and process) instead of two (save, then process), one round trip
// on a show's crowded network. A refusal saves nothing there: the form then saves the draft and
// processes it as every form does, where the same refusal is shown and the draft kept. An
// existing draft is processed as every form does.
import {FormController} from "@web/views/form/form_controller";
import {RPCError} from "@web/core/network/rpc";
import {formView} from "@web/views/form/form_view";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";

export class CaptureFormController extends FormController {
    setup() {
        super.setup();
        this.actionService = useService("action");
    }

    async beforeExecuteActionButton(clickParams) {
        const record = this.model.root;
        if (clickParams.name !== "action_process" || clickParams.type !== "object" || !record.isNew) {
            return super.beforeExecuteActionButton(...arguments);
        }
        await record.isDirty(); // the field being typed in is committed to the record
        if (!(await record.checkValidity({displayNotification: true}))) {
            return false;
        }
        let action = null;
        try {
            action = await this.orm.call(record.resModel, "action_capture", [record._getChanges()], {
                context: record.context,
            });
        } catch (error) {
            if (error instanceof RPCError && error.exceptionName?.startsWith("odoo.exceptions.")) {
                // Refused: save the draft, then process it, as the form does without us.
                return super.beforeExecuteActionButton(...arguments);
            }
            throw error;
        }
        // Processed and saved: leave the form without saving it a second time.
        await record.discard();
        await this.actionService.doAction(action);
        return false;
    }
}

registry.category("views").add("adv_capture_form", {
    ...formView,
    Controller: CaptureFormController,
});
