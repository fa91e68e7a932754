package org.stoxum.engine.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code [server]} and the port sections it names.
 *
 * <p>The {@code key=value} lines of {@code [server]} are defaults for every port, applied first, then a
 * port's own section on top, with stoxumd's quirks kept: {@code protocol} adds to the inherited
 * protocols rather than replacing them, while {@code send_queue_limit} and the WebSocket compression
 * keys are not inherited (each port starts from their defaults).
 */
final class PortsReader {
    private static final Set<String> KEYS = Set.of("ip", "port", "protocol", "limit", "send_queue_limit", "admin",
            "secure_gateway", "user", "password", "admin_user", "admin_password", "ssl_key", "ssl_cert", "ssl_chain",
            "ssl_ciphers", "permessage_deflate", "client_max_window_bits", "server_max_window_bits",
            "client_no_context_takeover", "server_no_context_takeover", "compress_level", "memory_level");

    private final ReadContext ctx;

    private PortsReader(ReadContext ctx) {
        this.ctx = ctx;
    }

    /** The ports of {@code [server]}, in its order, checked against each other. */
    static List<PortConfig> read(IniFile ini, ReadContext ctx) {
        return new PortsReader(ctx).read(ini);
    }

    private List<PortConfig> read(IniFile ini) {
        IniSection server = ini.section("server").orElseThrow(() -> ctx.error(0,
                "the required section [server] is missing: it lists the port sections the server listens on"));
        for (IniKeyValue kv : server.keys().values()) {
            if (!KEYS.contains(kv.key().toLowerCase(Locale.ROOT))) {
                ctx.warn(kv.number(), "[server] key '" + kv.key() + "' is not a port setting and was ignored");
            }
        }
        Draft common = new Draft();
        apply(common, server);

        List<PortConfig> ports = new ArrayList<>();
        for (IniLine nameLine : server.values()) {
            String name = nameLine.text();
            IniSection section = ini.section(name).orElseThrow(() -> ctx.error(nameLine.number(),
                    "[server] lists '" + name + "' but there is no [" + name + "] section"));
            ctx.warnUnknownKeys(section, KEYS);
            Draft draft = common.copy();
            apply(draft, section);
            ports.add(finish(draft, section));
        }
        List<PortConfig> kept = ctx.standalone ? withoutPeerProtocol(ports) : checkPeerPorts(ports, server);
        checkClashes(kept, server);
        return kept;
    }

    /** The mutable state of one port while its sections are read. */
    private static final class Draft {
        InetAddress ip;
        Integer port;
        EnumSet<PortProtocol> protocols = EnumSet.noneOf(PortProtocol.class);
        int limit = PortConfig.DEFAULT_LIMIT;
        int sendQueueLimit = PortConfig.DEFAULT_SEND_QUEUE_LIMIT;
        List<IpMatcher> admin = List.of();
        List<IpMatcher> secureGateway = List.of();
        int adminLine;
        int secureGatewayLine;
        String user = "";
        String password = "";
        String adminUser = "";
        String adminPassword = "";
        Optional<Path> sslKey = Optional.empty();
        Optional<Path> sslCert = Optional.empty();
        Optional<Path> sslChain = Optional.empty();
        Optional<String> sslCiphers = Optional.empty();
        WebSocketCompression compression = WebSocketCompression.DEFAULT;

        Draft copy() {
            Draft d = new Draft();
            d.ip = ip;
            d.port = port;
            d.protocols = EnumSet.copyOf(protocols);
            d.limit = limit;
            d.admin = admin;
            d.secureGateway = secureGateway;
            d.adminLine = adminLine;
            d.secureGatewayLine = secureGatewayLine;
            d.user = user;
            d.password = password;
            d.adminUser = adminUser;
            d.adminPassword = adminPassword;
            d.sslKey = sslKey;
            d.sslCert = sslCert;
            d.sslChain = sslChain;
            d.sslCiphers = sslCiphers;
            return d;
        }
    }

    private void apply(Draft d, IniSection s) {
        String where = "[" + s.name() + "] ";
        s.get("ip").ifPresent(kv -> d.ip = IpLiterals.parse(kv.value()).orElseThrow(() -> ctx.error(kv.number(),
                where + "ip: expected an IPv4 or IPv6 address, got '" + kv.value() + "'")));
        ctx.unsignedKey(s, "port", 1, 65535).ifPresent(p -> d.port = p.intValue());
        s.get("protocol").ifPresent(kv -> {
            for (String word : kv.value().split(",")) {
                String w = IniFile.trim(word);
                if (w.isEmpty()) {
                    continue;
                }
                d.protocols.add(PortProtocol.parse(w).orElseThrow(() -> ctx.error(kv.number(), where
                        + "protocol: unknown protocol '" + w + "', expected a comma list of http, https, ws, wss, peer")));
            }
        });
        s.get("limit").ifPresent(kv -> d.limit = kv.value().equalsIgnoreCase("unlimited") ? 0
                : (int) ctx.unsigned(kv.number(), where + "limit", kv.value(), 65535));
        d.sendQueueLimit = ctx.unsignedKey(s, "send_queue_limit", 1, 65535)
                .map(Long::intValue).orElse(PortConfig.DEFAULT_SEND_QUEUE_LIMIT);
        s.get("admin").ifPresent(kv -> {
            d.admin = addresses(kv, where + "admin", true);
            d.adminLine = kv.number();
        });
        s.get("secure_gateway").ifPresent(kv -> {
            d.secureGateway = addresses(kv, where + "secure_gateway", false);
            d.secureGatewayLine = kv.number();
        });
        s.get("user").ifPresent(kv -> d.user = kv.value());
        s.get("password").ifPresent(kv -> d.password = kv.value());
        s.get("admin_user").ifPresent(kv -> d.adminUser = kv.value());
        s.get("admin_password").ifPresent(kv -> d.adminPassword = kv.value());
        ctx.pathKey(s, "ssl_key").ifPresent(p -> d.sslKey = Optional.of(p));
        ctx.pathKey(s, "ssl_cert").ifPresent(p -> d.sslCert = Optional.of(p));
        ctx.pathKey(s, "ssl_chain").ifPresent(p -> d.sslChain = Optional.of(p));
        s.get("ssl_ciphers").ifPresent(kv -> d.sslCiphers = Optional.of(kv.value()));
        d.compression = new WebSocketCompression(
                ctx.boolKey(s, "permessage_deflate").orElse(WebSocketCompression.DEFAULT_ENABLED),
                ctx.unsignedKey(s, "client_max_window_bits", 9, 15).map(Long::intValue)
                        .orElse(WebSocketCompression.DEFAULT_MAX_WINDOW_BITS),
                ctx.unsignedKey(s, "server_max_window_bits", 9, 15).map(Long::intValue)
                        .orElse(WebSocketCompression.DEFAULT_MAX_WINDOW_BITS),
                ctx.boolKey(s, "client_no_context_takeover").orElse(WebSocketCompression.DEFAULT_NO_CONTEXT_TAKEOVER),
                ctx.boolKey(s, "server_no_context_takeover").orElse(WebSocketCompression.DEFAULT_NO_CONTEXT_TAKEOVER),
                ctx.unsignedKey(s, "compress_level", 0, 9).map(Long::intValue)
                        .orElse(WebSocketCompression.DEFAULT_COMPRESS_LEVEL),
                ctx.unsignedKey(s, "memory_level", 1, 9).map(Long::intValue)
                        .orElse(WebSocketCompression.DEFAULT_MEMORY_LEVEL));
    }

    /** A comma list of addresses or subnets; {@code 0.0.0.0} (everyone) only where allowed, and alone. */
    private List<IpMatcher> addresses(IniKeyValue kv, String what, boolean allowAny) {
        List<IpMatcher> list = new ArrayList<>();
        for (String item : kv.value().split(",")) {
            String text = IniFile.trim(item);
            if (text.isEmpty()) {
                continue;
            }
            IpMatcher m = IpMatcher.parse(text).orElseThrow(() -> ctx.error(kv.number(),
                    what + ": expected IP addresses or subnets (a.b.c.d or a.b.c.d/n) separated by commas, got '"
                            + text + "'"));
            if (m.any() && !allowAny) {
                throw ctx.error(kv.number(), what + ": '" + text + "' (every address) is not allowed here");
            }
            list.add(m);
        }
        if (list.size() > 1 && list.stream().anyMatch(IpMatcher::any)) {
            throw ctx.error(kv.number(), what + ": 0.0.0.0 (every address) must be the only entry");
        }
        return list;
    }

    private PortConfig finish(Draft d, IniSection s) {
        String name = s.name();
        if (d.ip == null) {
            throw ctx.error(s.headerLine(), "[" + name + "] has no 'ip' (the address to listen on)");
        }
        if (d.port == null) {
            throw ctx.error(s.headerLine(), "[" + name + "] has no 'port'");
        }
        if (d.protocols.isEmpty()) {
            throw ctx.error(s.headerLine(), "[" + name + "] has no 'protocol' (http, https, ws, wss or peer)");
        }
        for (IpMatcher gateway : d.secureGateway) {
            for (IpMatcher admin : d.admin) {
                if (gateway.overlaps(admin)) {
                    throw ctx.error(d.secureGatewayLine, "[" + name + "] secure_gateway: '" + gateway
                            + "' is also an admin address ('" + admin + "'); a client is either admin or a gateway");
                }
            }
        }
        return new PortConfig(name, d.ip, d.port, d.protocols, d.admin, d.secureGateway, d.user, d.password,
                d.adminUser, d.adminPassword, d.sslKey, d.sslCert, d.sslChain, d.sslCiphers, d.limit,
                d.sendQueueLimit, d.compression);
    }

    /** Stand-alone mode has no peers: drop the protocol, and ports left with nothing to speak. */
    private static List<PortConfig> withoutPeerProtocol(List<PortConfig> ports) {
        List<PortConfig> kept = new ArrayList<>();
        for (PortConfig p : ports) {
            if (!p.peer()) {
                kept.add(p);
                continue;
            }
            EnumSet<PortProtocol> rest = EnumSet.copyOf(p.protocols());
            rest.remove(PortProtocol.PEER);
            if (!rest.isEmpty()) {
                kept.add(new PortConfig(p.name(), p.ip(), p.port(), rest, p.admin(), p.secureGateway(), p.user(),
                        p.password(), p.adminUser(), p.adminPassword(), p.sslKey(), p.sslCert(), p.sslChain(),
                        p.sslCiphers(), p.limit(), p.sendQueueLimit(), p.compression()));
            }
        }
        return kept;
    }

    private List<PortConfig> checkPeerPorts(List<PortConfig> ports, IniSection server) {
        List<PortConfig> peers = ports.stream().filter(PortConfig::peer).toList();
        if (peers.size() > 1) {
            throw ctx.error(server.headerLine(), "more than one port carries the peer protocol (["
                    + peers.get(0).name() + "] and [" + peers.get(1).name() + "]); a server has one peer port");
        }
        if (peers.isEmpty()) {
            ctx.warn(server.headerLine(), "no port carries the peer protocol: no inbound peer connections");
        }
        return ports;
    }

    /** Two ports on one port number clash when their addresses are equal or either is a wildcard. */
    private void checkClashes(List<PortConfig> ports, IniSection server) {
        for (int i = 0; i < ports.size(); i++) {
            for (int j = i + 1; j < ports.size(); j++) {
                PortConfig a = ports.get(i);
                PortConfig b = ports.get(j);
                boolean sameAddress = a.ip().equals(b.ip()) || a.ip().isAnyLocalAddress() || b.ip().isAnyLocalAddress();
                if (a.port() == b.port() && sameAddress) {
                    throw ctx.error(server.headerLine(), "ports [" + a.name() + "] and [" + b.name()
                            + "] both listen on port " + a.port() + " (" + a.ip().getHostAddress() + " and "
                            + b.ip().getHostAddress() + "); give each its own port");
                }
            }
        }
    }
}
