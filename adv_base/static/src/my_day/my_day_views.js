/** @odoo-module **/
// My Day's list and cards with the worklists counted at the top: one badge per activity type
// (credit release, dunning call, claim...) with how many of the user's items it holds under the
// current search, from one grouped read; a tap on a badge filters My Day to that worklist.
import {Component, onWillStart, onWillUpdateProps, useState} from "@odoo/owl";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";
import {KanbanController} from "@web/views/kanban/kanban_controller";
import {kanbanView} from "@web/views/kanban/kanban_view";
import {archiveDisabledListView} from "@mail/views/web/list/archive_disabled_list_view";

export class MyDayCounts extends Component {
    static template = "adv_base.MyDayCounts";
    static props = {domain: Array, context: {type: Object, optional: true}, revision: {optional: true}};

    setup() {
        this.orm = useService("orm");
        this.state = useState({worklists: [], total: 0});
        onWillStart(() => this.load(this.props));
        onWillUpdateProps((next) => {
            if (
                next.revision !== this.props.revision ||
                JSON.stringify(next.domain) !== JSON.stringify(this.props.domain)
            ) {
                return this.load(next);
            }
        });
    }

    async load({domain, context}) {
        const groups = await this.orm.readGroup(
            "mail.activity",
            domain,
            ["activity_type_id"],
            ["activity_type_id"],
            {context}
        );
        const worklists = groups
            .filter((group) => group.activity_type_id)
            .map((group) => ({
                id: group.activity_type_id[0],
                name: group.activity_type_id[1],
                count: group.activity_type_id_count,
            }))
            .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
        this.state.worklists = worklists;
        this.state.total = groups.reduce((sum, group) => sum + group.activity_type_id_count, 0);
    }

    filter(worklist) {
        this.env.searchModel.createNewFilters([
            {
                description: worklist.name,
                domain: `[("activity_type_id", "=", ${worklist.id})]`,
            },
        ]);
    }
}

export class MyDayKanbanController extends KanbanController {
    static template = "adv_base.MyDayKanbanView";
    static components = {...KanbanController.components, MyDayCounts};
}

export class MyDayListController extends archiveDisabledListView.Controller {
    static template = "adv_base.MyDayListView";
    static components = {...archiveDisabledListView.Controller.components, MyDayCounts};
}

registry.category("views").add("adv_my_day_kanban", {
    ...kanbanView,
    Controller: MyDayKanbanController,
});
registry.category("views").add("adv_my_day_list", {
    ...archiveDisabledListView,
    Controller: MyDayListController,
});
