// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Vm} from "forge-std/Vm.sol";
import {FinancingPool} from "../src/FinancingPool.sol";
import {PoolFactory} from "../src/PoolFactory.sol";
import {ProtocolFixture} from "./utils/ProtocolFixture.sol";

/// Projects and pools: who may create them, and what a new pool is wired to.
contract PoolFactoryTest is ProtocolFixture {
    event ProjectRegistered(
        uint256 indexed projectId,
        address indexed operator,
        FinancingPool.Category category,
        string name,
        string metadataURI,
        bytes32 metadataHash
    );
    event PoolCreated(
        address indexed pool,
        uint256 indexed projectId,
        address indexed asset,
        FinancingPool.Category category,
        PoolFactory.PoolConfig config,
        uint16 protocolFeeBps,
        uint32 revenueStreamDuration
    );
    event ProtocolDefaultsUpdated(
        address treasury,
        uint16 protocolFeeBps,
        uint32 revenueStreamDuration,
        address admin,
        address manager,
        address reporter,
        address guardian,
        address compliance
    );

    address internal stranger = makeAddr("stranger");
    address internal robotOperator = makeAddr("robotOperator");
    bytes32 internal adminRole;

    function setUp() public override {
        super.setUp();
        adminRole = factory.DEFAULT_ADMIN_ROLE();
    }

    function _config(uint256 pid) internal pure returns (PoolFactory.PoolConfig memory) {
        return PoolFactory.PoolConfig({
            projectId: pid,
            name: "Rotterdam AMR Round 1",
            symbol: "myROT1",
            depositCap: 2_000_000e6,
            minDeposit: 100e6,
            permissioned: false,
            metadataURI: "/metadata/pools/rotterdam-1.json",
            metadataHash: keccak256("rotterdam")
        });
    }

    function _create(PoolFactory.PoolConfig memory cfg) internal returns (FinancingPool) {
        return factory.createPool(cfg, type(FinancingPool).creationCode);
    }

    function _roles(address m, address r, address g) internal view returns (PoolFactory.Roles memory) {
        return PoolFactory.Roles({admin: admin, manager: m, reporter: r, guardian: g, compliance: compliance});
    }

    function _registerRobotics() internal returns (uint256) {
        vm.prank(admin);
        return factory.registerProject(
            robotOperator,
            FinancingPool.Category.Robotics,
            "Rotterdam Robotics",
            "/metadata/projects/rot.json",
            keccak256("r")
        );
    }

    // ─── Deployment ─────────────────────────────────────────────────────────────────────────────────────

    function test_constructor_storesConfiguration() public view {
        assertEq(address(factory.usdc()), address(usdc));
        assertEq(address(factory.registry()), address(registry));
        assertEq(factory.treasury(), treasury);
        assertEq(factory.protocolFeeBps(), FEE_BPS);
        assertEq(factory.revenueStreamDuration(), STREAM);
        (address a, address m, address r, address g, address c) = factory.defaultRoles();
        assertEq(a, admin);
        assertEq(m, manager);
        assertEq(r, reporter);
        assertEq(g, guardian);
        assertEq(c, compliance);
        assertEq(factory.poolCodeHash(), keccak256(type(FinancingPool).creationCode));
        assertTrue(factory.hasRole(adminRole, admin));
        assertEq(factory.projectCount(), 1);
        assertEq(factory.poolCount(), 1);
        assertEq(factory.pools(0), address(pool));
        assertTrue(factory.isPool(address(pool)));
    }

    function test_constructor_emitsProtocolDefaultsUpdated() public {
        vm.expectEmit(false, false, false, true);
        emit ProtocolDefaultsUpdated(treasury, 500, 2 days, admin, manager, reporter, guardian, address(0));
        new PoolFactory(
            usdc,
            registry,
            admin,
            treasury,
            500,
            2 days,
            PoolFactory.Roles(admin, manager, reporter, guardian, address(0)),
            bytes32(0)
        );
    }

    /// The defaults are checked at construction too: a factory that could never create a pool is not deployed.
    function test_constructor_revertsOnInvalidDefaults() public {
        vm.expectRevert(PoolFactory.InvalidDefaults.selector);
        new PoolFactory(
            usdc,
            registry,
            admin,
            treasury,
            500,
            2 days,
            PoolFactory.Roles(admin, manager, address(0), guardian, compliance),
            bytes32(0)
        );
    }

    // ─── registerProject ────────────────────────────────────────────────────────────────────────────────

    function test_registerProject_storesProject() public {
        uint256 pid = _registerRobotics();
        assertEq(pid, 2);
        assertEq(factory.projectCount(), 2);
        PoolFactory.Project memory p = factory.getProject(pid);
        assertEq(p.operator, robotOperator);
        assertEq(uint8(p.category), uint8(FinancingPool.Category.Robotics));
        assertEq(p.name, "Rotterdam Robotics");
        assertEq(p.metadataURI, "/metadata/projects/rot.json");
        assertEq(p.metadataHash, keccak256("r"));
    }

    function test_registerProject_idsIncrement() public {
        vm.startPrank(admin);
        uint256 a = factory.registerProject(operator, FinancingPool.Category.Compute, "A", "", bytes32(0));
        uint256 b = factory.registerProject(operator, FinancingPool.Category.Compute, "B", "", bytes32(0));
        uint256 c = factory.registerProject(robotOperator, FinancingPool.Category.Robotics, "C", "", bytes32(0));
        vm.stopPrank();
        assertEq(a, 2);
        assertEq(b, 3);
        assertEq(c, 4);
        assertEq(factory.projectCount(), 4);
        assertEq(factory.getProject(b).name, "B");
    }

    function test_registerProject_emitsEventWithAllFields() public {
        vm.expectEmit(true, true, false, true, address(factory));
        emit ProjectRegistered(
            2,
            robotOperator,
            FinancingPool.Category.Robotics,
            "Rotterdam Robotics",
            "/metadata/projects/rot.json",
            keccak256("r")
        );
        _registerRobotics();
    }

    function test_registerProject_revertsWithoutAdminRole() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, adminRole)
        );
        vm.prank(stranger);
        factory.registerProject(operator, FinancingPool.Category.Compute, "X", "", bytes32(0));

        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, manager, adminRole)
        );
        vm.prank(manager);
        factory.registerProject(operator, FinancingPool.Category.Compute, "X", "", bytes32(0));
        assertEq(factory.projectCount(), 1);
    }

    function test_registerProject_revertsOnZeroOperator() public {
        vm.expectRevert(PoolFactory.InvalidProject.selector);
        vm.prank(admin);
        factory.registerProject(address(0), FinancingPool.Category.Compute, "X", "", bytes32(0));
    }

    function test_registerProject_revertsOnEmptyName() public {
        vm.expectRevert(PoolFactory.InvalidProject.selector);
        vm.prank(admin);
        factory.registerProject(operator, FinancingPool.Category.Compute, "", "uri", bytes32(0));
        assertEq(factory.projectCount(), 1);
    }

    // ─── getProject ─────────────────────────────────────────────────────────────────────────────────────

    function test_getProject_fixtureProject() public view {
        PoolFactory.Project memory p = factory.getProject(projectId);
        assertEq(p.operator, operator);
        assertEq(uint8(p.category), uint8(FinancingPool.Category.Compute));
        assertEq(p.name, "Ashburn GPU Cloud");
        assertEq(p.metadataURI, "/metadata/projects/ashburn.json");
        assertEq(p.metadataHash, keccak256("p"));
    }

    function test_getProject_revertsForUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(PoolFactory.UnknownProject.selector, 0));
        factory.getProject(0);
        vm.expectRevert(abi.encodeWithSelector(PoolFactory.UnknownProject.selector, 2));
        factory.getProject(2);
    }

    // ─── createPool ─────────────────────────────────────────────────────────────────────────────────────

    function test_createPool_wiresProjectCategoryAndFactoryConfig() public {
        uint256 pid = _registerRobotics();
        vm.prank(admin);
        FinancingPool p = _create(_config(pid));

        assertEq(p.name(), "Rotterdam AMR Round 1");
        assertEq(p.symbol(), "myROT1");
        assertEq(p.decimals(), 18);
        assertEq(p.asset(), address(usdc));
        assertEq(address(p.registry()), address(registry));
        assertEq(uint8(p.category()), uint8(FinancingPool.Category.Robotics));
        assertEq(p.projectId(), pid);
        assertEq(p.depositCap(), 2_000_000e6);
        assertEq(p.minDeposit(), 100e6);
        assertEq(p.metadataURI(), "/metadata/pools/rotterdam-1.json");
        assertEq(p.metadataHash(), keccak256("rotterdam"));
        assertEq(p.treasury(), treasury);
        assertEq(p.protocolFeeBps(), FEE_BPS);
        assertEq(p.revenueStreamDuration(), STREAM);
        assertEq(uint8(p.status()), uint8(FinancingPool.Status.Raising));
        assertEq(p.totalAssets(), 0);
        assertEq(p.totalSupply(), 0);
    }

    /// The pool's admin is the default admin role (the timelock), never whoever called createPool.
    function test_createPool_adminIsDefaultRoleNotCaller_defaultRolesGranted() public {
        address secondAdmin = makeAddr("secondAdmin");
        vm.startPrank(admin);
        factory.grantRole(adminRole, secondAdmin);
        vm.stopPrank();

        vm.prank(secondAdmin);
        FinancingPool p = _create(_config(projectId));

        assertTrue(p.hasRole(p.DEFAULT_ADMIN_ROLE(), admin));
        assertFalse(p.hasRole(p.DEFAULT_ADMIN_ROLE(), secondAdmin));
        assertFalse(p.hasRole(p.DEFAULT_ADMIN_ROLE(), address(factory)));
        assertTrue(p.hasRole(p.POOL_MANAGER_ROLE(), manager));
        assertTrue(p.hasRole(p.REVENUE_REPORTER_ROLE(), reporter));
        assertTrue(p.hasRole(p.GUARDIAN_ROLE(), guardian));
        assertTrue(p.hasRole(p.COMPLIANCE_ROLE(), compliance));
        assertFalse(p.hasRole(p.POOL_MANAGER_ROLE(), secondAdmin));
        assertEq(p.projectOperator(), operator);
    }

    function test_createPool_revertsOnUnknownCode() public {
        vm.startPrank(admin);
        vm.expectRevert(PoolFactory.UnknownPoolCode.selector);
        factory.createPool(_config(projectId), abi.encodePacked(type(FinancingPool).creationCode, hex"00"));
        vm.expectRevert(PoolFactory.UnknownPoolCode.selector);
        factory.createPool(_config(projectId), "");
        vm.stopPrank();
        assertEq(factory.poolCount(), 1);
    }

    function test_createPool_permissionedPassesThrough() public {
        PoolFactory.PoolConfig memory cfg = _config(projectId);
        cfg.permissioned = true;
        vm.prank(admin);
        FinancingPool p = _create(cfg);
        assertTrue(p.permissioned());
        assertEq(p.maxDeposit(alice), 0);
    }

    function test_createPool_registersPool() public {
        uint256 pid = _registerRobotics();
        vm.startPrank(admin);
        FinancingPool p1 = _create(_config(pid));
        FinancingPool p2 = _create(_config(projectId));
        vm.stopPrank();
        assertEq(factory.poolCount(), 3);
        assertEq(factory.pools(1), address(p1));
        assertEq(factory.pools(2), address(p2));
        assertTrue(factory.isPool(address(p1)));
        assertTrue(factory.isPool(address(p2)));
        assertFalse(factory.isPool(stranger));
        assertFalse(factory.isPool(address(factory)));
        assertTrue(address(p1) != address(p2));
        vm.expectRevert();
        factory.pools(3);
    }

    function test_createPool_emitsPoolCreatedWithAllFields() public {
        uint256 pid = _registerRobotics();
        PoolFactory.PoolConfig memory cfg = _config(pid);
        address predicted = vm.computeCreateAddress(address(factory), vm.getNonce(address(factory)));

        vm.expectEmit(true, true, true, true, address(factory));
        emit PoolCreated(predicted, pid, address(usdc), FinancingPool.Category.Robotics, cfg, FEE_BPS, STREAM);
        vm.prank(admin);
        FinancingPool p = _create(cfg);
        assertEq(address(p), predicted);
    }

    function test_createPool_eventDecodesToConfig() public {
        PoolFactory.PoolConfig memory cfg = _config(projectId);
        vm.recordLogs();
        vm.prank(admin);
        FinancingPool p = _create(cfg);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bool found;
        for (uint256 i = 0; i < logs.length; i++) {
            if (logs[i].emitter != address(factory) || logs[i].topics[0] != PoolCreated.selector) continue;
            found = true;
            assertEq(address(uint160(uint256(logs[i].topics[1]))), address(p));
            assertEq(uint256(logs[i].topics[2]), projectId);
            assertEq(address(uint160(uint256(logs[i].topics[3]))), address(usdc));
            (FinancingPool.Category cat, PoolFactory.PoolConfig memory got, uint16 fee, uint32 stream) =
                abi.decode(logs[i].data, (FinancingPool.Category, PoolFactory.PoolConfig, uint16, uint32));
            assertEq(uint8(cat), uint8(FinancingPool.Category.Compute));
            assertEq(got.projectId, cfg.projectId);
            assertEq(got.name, cfg.name);
            assertEq(got.symbol, cfg.symbol);
            assertEq(got.depositCap, cfg.depositCap);
            assertEq(got.minDeposit, cfg.minDeposit);
            assertEq(got.permissioned, cfg.permissioned);
            assertEq(got.metadataURI, cfg.metadataURI);
            assertEq(got.metadataHash, cfg.metadataHash);
            assertEq(fee, FEE_BPS);
            assertEq(stream, STREAM);
        }
        assertTrue(found);
    }

    function test_createPool_revertsWithoutAdminRole() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, adminRole)
        );
        vm.prank(stranger);
        _create(_config(projectId));

        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, operator, adminRole)
        );
        vm.prank(operator);
        _create(_config(projectId));
        assertEq(factory.poolCount(), 1);
    }

    function test_createPool_revertsForUnknownProject() public {
        vm.expectRevert(abi.encodeWithSelector(PoolFactory.UnknownProject.selector, 7));
        vm.prank(admin);
        _create(_config(7));

        vm.expectRevert(abi.encodeWithSelector(PoolFactory.UnknownProject.selector, 0));
        vm.prank(admin);
        _create(_config(0));
        assertEq(factory.poolCount(), 1);
    }

    function test_createPool_revertsOnInvalidPoolParams() public {
        // The pool constructor validates the limits: minDeposit above the cap is rejected, and the factory passes
        // the pool's own reason on.
        PoolFactory.PoolConfig memory cfg = _config(projectId);
        cfg.minDeposit = cfg.depositCap + 1;
        vm.expectRevert(FinancingPool.InvalidParameter.selector);
        vm.prank(admin);
        _create(cfg);
        assertEq(factory.poolCount(), 1);
    }

    function test_createPool_newPoolIsUsable() public {
        vm.prank(admin);
        FinancingPool p = _create(_config(projectId));
        usdc.mint(alice, 500e6);
        vm.startPrank(alice);
        usdc.approve(address(p), 500e6);
        uint256 shares = p.deposit(500e6, alice);
        vm.stopPrank();
        assertEq(shares, 500e18);
        assertEq(p.totalAssets(), 500e6);
        // The fixture pool is independent.
        assertEq(pool.totalAssets(), 0);
    }

    // ─── setDefaults ────────────────────────────────────────────────────────────────────────────────────

    function test_setDefaults_updatesAndEmits() public {
        address newTreasury = makeAddr("newTreasury");
        address m2 = makeAddr("m2");
        address r2 = makeAddr("r2");
        address g2 = makeAddr("g2");
        vm.expectEmit(false, false, false, true, address(factory));
        emit ProtocolDefaultsUpdated(newTreasury, 250, 3 days, admin, m2, r2, g2, compliance);
        vm.prank(admin);
        factory.setDefaults(newTreasury, 250, 3 days, _roles(m2, r2, g2));

        assertEq(factory.treasury(), newTreasury);
        assertEq(factory.protocolFeeBps(), 250);
        assertEq(factory.revenueStreamDuration(), 3 days);
        (address a, address m, address r, address g, address c) = factory.defaultRoles();
        assertEq(a, admin);
        assertEq(m, m2);
        assertEq(r, r2);
        assertEq(g, g2);
        assertEq(c, compliance);
    }

    function test_setDefaults_revertsWithoutAdminRole() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, adminRole)
        );
        vm.prank(stranger);
        factory.setDefaults(
            stranger, 2_000, 1 days, PoolFactory.Roles(stranger, stranger, stranger, stranger, stranger)
        );
        assertEq(factory.treasury(), treasury);
        assertEq(factory.protocolFeeBps(), FEE_BPS);
    }

    function test_setDefaults_appliesOnlyToPoolsCreatedAfter() public {
        address newTreasury = makeAddr("newTreasury");
        address m2 = makeAddr("m2");
        address r2 = makeAddr("r2");
        address g2 = makeAddr("g2");
        vm.startPrank(admin);
        factory.setDefaults(newTreasury, 2_000, 1 days, _roles(m2, r2, g2));
        FinancingPool fresh = _create(_config(projectId));
        vm.stopPrank();

        // The fresh pool takes the new defaults.
        assertEq(fresh.treasury(), newTreasury);
        assertEq(fresh.protocolFeeBps(), 2_000);
        assertEq(fresh.revenueStreamDuration(), 1 days);
        assertTrue(fresh.hasRole(fresh.POOL_MANAGER_ROLE(), m2));
        assertTrue(fresh.hasRole(fresh.REVENUE_REPORTER_ROLE(), r2));
        assertTrue(fresh.hasRole(fresh.GUARDIAN_ROLE(), g2));
        assertFalse(fresh.hasRole(fresh.POOL_MANAGER_ROLE(), manager));

        // The existing pool keeps its own.
        assertEq(pool.treasury(), treasury);
        assertEq(pool.protocolFeeBps(), FEE_BPS);
        assertEq(pool.revenueStreamDuration(), STREAM);
        assertTrue(pool.hasRole(pool.POOL_MANAGER_ROLE(), manager));
        assertFalse(pool.hasRole(pool.POOL_MANAGER_ROLE(), m2));
        assertFalse(pool.hasRole(pool.GUARDIAN_ROLE(), g2));
    }

    /// Compliance is optional (a permissionless pool needs none); a zero compliance role is not granted.
    function test_setDefaults_zeroComplianceIsNotGranted() public {
        vm.startPrank(admin);
        factory.setDefaults(treasury, 0, 1 hours, PoolFactory.Roles(admin, manager, reporter, guardian, address(0)));
        FinancingPool p = _create(_config(projectId));
        vm.stopPrank();
        assertEq(p.protocolFeeBps(), 0);
        assertEq(p.revenueStreamDuration(), 1 hours);
        assertFalse(p.hasRole(p.COMPLIANCE_ROLE(), address(0)));
        assertFalse(p.hasRole(p.COMPLIANCE_ROLE(), compliance));
        assertTrue(p.hasRole(p.DEFAULT_ADMIN_ROLE(), admin));
    }

    /// setDefaults validates against the pool's own bounds, so that a bad default can never make every
    /// createPool revert (and no pool is created with an out-of-range fee or stream, a zero treasury or a missing
    /// role).
    function test_setDefaults_revertsOnInvalidValues() public {
        vm.startPrank(admin);
        vm.expectRevert(PoolFactory.InvalidDefaults.selector);
        factory.setDefaults(treasury, 2_001, STREAM, _roles(manager, reporter, guardian));

        vm.expectRevert(PoolFactory.InvalidDefaults.selector);
        factory.setDefaults(address(0), FEE_BPS, STREAM, _roles(manager, reporter, guardian));

        vm.expectRevert(PoolFactory.InvalidDefaults.selector);
        factory.setDefaults(treasury, FEE_BPS, 59 minutes, _roles(manager, reporter, guardian));

        vm.expectRevert(PoolFactory.InvalidDefaults.selector);
        factory.setDefaults(treasury, FEE_BPS, 90 days + 1, _roles(manager, reporter, guardian));

        vm.expectRevert(PoolFactory.InvalidDefaults.selector);
        factory.setDefaults(
            treasury, FEE_BPS, STREAM, PoolFactory.Roles(address(0), manager, reporter, guardian, compliance)
        );

        vm.expectRevert(PoolFactory.InvalidDefaults.selector);
        factory.setDefaults(treasury, FEE_BPS, STREAM, _roles(address(0), reporter, guardian));

        vm.expectRevert(PoolFactory.InvalidDefaults.selector);
        factory.setDefaults(treasury, FEE_BPS, STREAM, _roles(manager, address(0), guardian));

        vm.expectRevert(PoolFactory.InvalidDefaults.selector);
        factory.setDefaults(treasury, FEE_BPS, STREAM, _roles(manager, reporter, address(0)));

        // Nothing changed.
        assertEq(factory.treasury(), treasury);
        assertEq(factory.protocolFeeBps(), FEE_BPS);
        assertEq(factory.revenueStreamDuration(), STREAM);

        // Boundaries are accepted.
        factory.setDefaults(treasury, 2_000, 90 days, _roles(manager, reporter, guardian));
        FinancingPool p = _create(_config(projectId));
        factory.setDefaults(treasury, 0, 1 hours, _roles(manager, reporter, guardian));
        FinancingPool q = _create(_config(projectId));
        vm.stopPrank();
        assertEq(p.protocolFeeBps(), 2_000);
        assertEq(p.revenueStreamDuration(), 90 days);
        assertEq(q.protocolFeeBps(), 0);
        assertEq(q.revenueStreamDuration(), 1 hours);
        assertEq(factory.poolCount(), 3);
    }

    function testFuzz_createPool_feeAndStreamPassThrough(uint16 fee, uint32 stream) public {
        fee = uint16(bound(fee, 0, 2_000));
        stream = uint32(bound(stream, 1 hours, 90 days));
        vm.startPrank(admin);
        factory.setDefaults(treasury, fee, stream, _roles(manager, reporter, guardian));
        FinancingPool p = _create(_config(projectId));
        vm.stopPrank();
        assertEq(p.protocolFeeBps(), fee);
        assertEq(p.revenueStreamDuration(), stream);
        assertTrue(factory.isPool(address(p)));
    }
}
