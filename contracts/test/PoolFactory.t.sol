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
        address treasury, uint16 protocolFeeBps, uint32 revenueStreamDuration, address manager, address reporter, address pauser
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
            metadataURI: "/metadata/pools/rotterdam-1.json",
            metadataHash: keccak256("rotterdam")
        });
    }

    function _registerRobotics() internal returns (uint256) {
        vm.prank(admin);
        return factory.registerProject(
            robotOperator, FinancingPool.Category.Robotics, "Rotterdam Robotics", "/metadata/projects/rot.json", keccak256("r")
        );
    }

    // ─── Deployment ─────────────────────────────────────────────────────────────────────────────────────

    function test_constructor_storesConfiguration() public view {
        assertEq(address(factory.usdc()), address(usdc));
        assertEq(address(factory.registry()), address(registry));
        assertEq(factory.treasury(), treasury);
        assertEq(factory.protocolFeeBps(), FEE_BPS);
        assertEq(factory.revenueStreamDuration(), STREAM);
        (address m, address r, address p) = factory.defaultRoles();
        assertEq(m, manager);
        assertEq(r, reporter);
        assertEq(p, pauser);
        assertTrue(factory.hasRole(adminRole, admin));
        assertEq(factory.projectCount(), 1);
        assertEq(factory.poolCount(), 1);
        assertEq(factory.pools(0), address(pool));
        assertTrue(factory.isPool(address(pool)));
    }

    function test_constructor_emitsProtocolDefaultsUpdated() public {
        vm.expectEmit(false, false, false, true);
        emit ProtocolDefaultsUpdated(treasury, 500, 2 days, manager, address(0), pauser);
        new PoolFactory(usdc, registry, admin, treasury, 500, 2 days, PoolFactory.Roles(manager, address(0), pauser));
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
        emit ProjectRegistered(2, robotOperator, FinancingPool.Category.Robotics, "Rotterdam Robotics", "/metadata/projects/rot.json", keccak256("r"));
        _registerRobotics();
    }

    function test_registerProject_revertsWithoutAdminRole() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, adminRole));
        vm.prank(stranger);
        factory.registerProject(operator, FinancingPool.Category.Compute, "X", "", bytes32(0));

        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, manager, adminRole));
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
        FinancingPool p = factory.createPool(_config(pid));

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

    function test_createPool_callerIsAdmin_defaultRolesGranted() public {
        address secondAdmin = makeAddr("secondAdmin");
        vm.startPrank(admin);
        factory.grantRole(adminRole, secondAdmin);
        vm.stopPrank();

        vm.prank(secondAdmin);
        FinancingPool p = factory.createPool(_config(projectId));

        assertTrue(p.hasRole(p.DEFAULT_ADMIN_ROLE(), secondAdmin));
        assertFalse(p.hasRole(p.DEFAULT_ADMIN_ROLE(), admin));
        assertFalse(p.hasRole(p.DEFAULT_ADMIN_ROLE(), address(factory)));
        assertTrue(p.hasRole(p.POOL_MANAGER_ROLE(), manager));
        assertTrue(p.hasRole(p.REVENUE_REPORTER_ROLE(), reporter));
        assertTrue(p.hasRole(p.PAUSER_ROLE(), pauser));
        assertFalse(p.hasRole(p.POOL_MANAGER_ROLE(), secondAdmin));
    }

    function test_createPool_registersPool() public {
        uint256 pid = _registerRobotics();
        vm.startPrank(admin);
        FinancingPool p1 = factory.createPool(_config(pid));
        FinancingPool p2 = factory.createPool(_config(projectId));
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
        FinancingPool p = factory.createPool(cfg);
        assertEq(address(p), predicted);
    }

    function test_createPool_eventDecodesToConfig() public {
        PoolFactory.PoolConfig memory cfg = _config(projectId);
        vm.recordLogs();
        vm.prank(admin);
        FinancingPool p = factory.createPool(cfg);
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
            assertEq(got.metadataURI, cfg.metadataURI);
            assertEq(got.metadataHash, cfg.metadataHash);
            assertEq(fee, FEE_BPS);
            assertEq(stream, STREAM);
        }
        assertTrue(found);
    }

    function test_createPool_revertsWithoutAdminRole() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, adminRole));
        vm.prank(stranger);
        factory.createPool(_config(projectId));

        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, operator, adminRole));
        vm.prank(operator);
        factory.createPool(_config(projectId));
        assertEq(factory.poolCount(), 1);
    }

    function test_createPool_revertsForUnknownProject() public {
        vm.expectRevert(abi.encodeWithSelector(PoolFactory.UnknownProject.selector, 7));
        vm.prank(admin);
        factory.createPool(_config(7));

        vm.expectRevert(abi.encodeWithSelector(PoolFactory.UnknownProject.selector, 0));
        vm.prank(admin);
        factory.createPool(_config(0));
        assertEq(factory.poolCount(), 1);
    }

    function test_createPool_revertsOnInvalidPoolParams() public {
        // The pool constructor validates the limits: minDeposit above the cap is rejected.
        PoolFactory.PoolConfig memory cfg = _config(projectId);
        cfg.minDeposit = cfg.depositCap + 1;
        vm.expectRevert(FinancingPool.InvalidParameter.selector);
        vm.prank(admin);
        factory.createPool(cfg);
        assertEq(factory.poolCount(), 1);
    }

    function test_createPool_newPoolIsUsable() public {
        vm.prank(admin);
        FinancingPool p = factory.createPool(_config(projectId));
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
        address p2 = makeAddr("p2");
        vm.expectEmit(false, false, false, true, address(factory));
        emit ProtocolDefaultsUpdated(newTreasury, 250, 3 days, m2, r2, p2);
        vm.prank(admin);
        factory.setDefaults(newTreasury, 250, 3 days, PoolFactory.Roles(m2, r2, p2));

        assertEq(factory.treasury(), newTreasury);
        assertEq(factory.protocolFeeBps(), 250);
        assertEq(factory.revenueStreamDuration(), 3 days);
        (address m, address r, address p) = factory.defaultRoles();
        assertEq(m, m2);
        assertEq(r, r2);
        assertEq(p, p2);
    }

    function test_setDefaults_revertsWithoutAdminRole() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, adminRole));
        vm.prank(stranger);
        factory.setDefaults(stranger, 2_000, 1 days, PoolFactory.Roles(stranger, stranger, stranger));
        assertEq(factory.treasury(), treasury);
        assertEq(factory.protocolFeeBps(), FEE_BPS);
    }

    function test_setDefaults_appliesOnlyToPoolsCreatedAfter() public {
        address newTreasury = makeAddr("newTreasury");
        address m2 = makeAddr("m2");
        address r2 = makeAddr("r2");
        address p2 = makeAddr("p2");
        vm.startPrank(admin);
        factory.setDefaults(newTreasury, 2_000, 1 days, PoolFactory.Roles(m2, r2, p2));
        FinancingPool fresh = factory.createPool(_config(projectId));
        vm.stopPrank();

        // The fresh pool takes the new defaults.
        assertEq(fresh.treasury(), newTreasury);
        assertEq(fresh.protocolFeeBps(), 2_000);
        assertEq(fresh.revenueStreamDuration(), 1 days);
        assertTrue(fresh.hasRole(fresh.POOL_MANAGER_ROLE(), m2));
        assertTrue(fresh.hasRole(fresh.REVENUE_REPORTER_ROLE(), r2));
        assertTrue(fresh.hasRole(fresh.PAUSER_ROLE(), p2));
        assertFalse(fresh.hasRole(fresh.POOL_MANAGER_ROLE(), manager));

        // The existing pool keeps its own.
        assertEq(pool.treasury(), treasury);
        assertEq(pool.protocolFeeBps(), FEE_BPS);
        assertEq(pool.revenueStreamDuration(), STREAM);
        assertTrue(pool.hasRole(pool.POOL_MANAGER_ROLE(), manager));
        assertFalse(pool.hasRole(pool.POOL_MANAGER_ROLE(), m2));
        assertFalse(pool.hasRole(pool.PAUSER_ROLE(), p2));
    }

    function test_setDefaults_zeroRolesAreNotGranted() public {
        vm.startPrank(admin);
        factory.setDefaults(treasury, 0, 1 hours, PoolFactory.Roles(address(0), address(0), address(0)));
        FinancingPool p = factory.createPool(_config(projectId));
        vm.stopPrank();
        assertEq(p.protocolFeeBps(), 0);
        assertEq(p.revenueStreamDuration(), 1 hours);
        assertFalse(p.hasRole(p.POOL_MANAGER_ROLE(), address(0)));
        assertFalse(p.hasRole(p.REVENUE_REPORTER_ROLE(), address(0)));
        assertFalse(p.hasRole(p.PAUSER_ROLE(), address(0)));
        assertTrue(p.hasRole(p.DEFAULT_ADMIN_ROLE(), admin));
    }

    /// setDefaults itself does not validate; the pool constructor does, so bad defaults block createPool
    /// (no pool is ever created with an out-of-range fee or stream, or a zero treasury).
    function test_setDefaults_invalidValuesMakeCreatePoolRevert() public {
        vm.startPrank(admin);
        factory.setDefaults(treasury, 2_001, STREAM, PoolFactory.Roles(manager, reporter, pauser));
        vm.expectRevert(FinancingPool.InvalidParameter.selector);
        factory.createPool(_config(projectId));

        factory.setDefaults(address(0), FEE_BPS, STREAM, PoolFactory.Roles(manager, reporter, pauser));
        vm.expectRevert(FinancingPool.InvalidParameter.selector);
        factory.createPool(_config(projectId));

        factory.setDefaults(treasury, FEE_BPS, 59 minutes, PoolFactory.Roles(manager, reporter, pauser));
        vm.expectRevert(FinancingPool.InvalidParameter.selector);
        factory.createPool(_config(projectId));

        factory.setDefaults(treasury, FEE_BPS, 90 days + 1, PoolFactory.Roles(manager, reporter, pauser));
        vm.expectRevert(FinancingPool.InvalidParameter.selector);
        factory.createPool(_config(projectId));

        // Boundaries are accepted.
        factory.setDefaults(treasury, 2_000, 90 days, PoolFactory.Roles(manager, reporter, pauser));
        FinancingPool p = factory.createPool(_config(projectId));
        vm.stopPrank();
        assertEq(p.protocolFeeBps(), 2_000);
        assertEq(p.revenueStreamDuration(), 90 days);
        assertEq(factory.poolCount(), 2);
    }

    function testFuzz_createPool_feeAndStreamPassThrough(uint16 fee, uint32 stream) public {
        fee = uint16(bound(fee, 0, 2_000));
        stream = uint32(bound(stream, 1 hours, 90 days));
        vm.startPrank(admin);
        factory.setDefaults(treasury, fee, stream, PoolFactory.Roles(manager, reporter, pauser));
        FinancingPool p = factory.createPool(_config(projectId));
        vm.stopPrank();
        assertEq(p.protocolFeeBps(), fee);
        assertEq(p.revenueStreamDuration(), stream);
        assertTrue(factory.isPool(address(p)));
    }
}
