package org.stoxum.engine.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;

/**
 * Decides a request's {@link Role} from the port, the caller's address, the credentials a request
 * may carry and the role its command requires, in the original server's order: ADMIN first, then
 * FORBID for admin commands, then IDENTIFIED, else GUEST.
 */
public final class RoleResolver {

    private RoleResolver() {
    }

    /**
     * The role of one request.
     *
     * @param required the role the command requires (ADMIN for admin-only commands)
     * @param params   the request object, where admin_user/admin_password may be carried
     * @param user     the X-User header value, or empty
     */
    public static Role requestRole(Role required, PortConfig port, JsonNode params, InetAddress remote,
            String user) {
        if (isAdmin(port, params, remote)) {
            return Role.ADMIN;
        }
        if (required == Role.ADMIN) {
            return Role.FORBID;
        }
        if (isIdentified(port, remote, user)) {
            return Role.IDENTIFIED;
        }
        return Role.GUEST;
    }

    /** True when the caller is in the admin list and, if the port wants them, sent the credentials. */
    public static boolean isAdmin(PortConfig port, JsonNode params, InetAddress remote) {
        return port.isAdminAddress(remote) && credentialsAccepted(port, params);
    }

    /** True when a trusted gateway named a non-empty user. */
    public static boolean isIdentified(PortConfig port, InetAddress remote, String user) {
        return user != null && !user.isEmpty() && port.isSecureGateway(remote);
    }

    private static boolean credentialsAccepted(PortConfig port, JsonNode params) {
        if (!port.requiresAdminCredentials()) {
            return true;
        }
        if (params == null || !params.isObject()) {
            return false;
        }
        JsonNode password = params.get("admin_password");
        JsonNode user = params.get("admin_user");
        return password != null && password.isTextual() && password.textValue().equals(port.adminPassword())
                && user != null && user.isTextual() && user.textValue().equals(port.adminUser());
    }
}
