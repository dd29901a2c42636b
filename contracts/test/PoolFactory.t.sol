// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {FinancingPool} from "../src/FinancingPool.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {PoolFactory} from "../src/PoolFactory.sol";
import {PoolFactoryFixture} from "./utils/PoolFactoryFixture.sol";

/// Projects, and the protocol defaults new pools take: who may set them, and what they are checked against.
contract PoolFactoryTest is PoolFactoryFixture {
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
        assertEq(uint8(p.category), uint8(PoolStorage.Category.Robotics));
        assertEq(p.name, "Rotterdam Robotics");
        assertEq(p.metadataURI, "/metadata/projects/rot.json");
        assertEq(p.metadataHash, keccak256("r"));
    }

    function test_registerProject_idsIncrement() public {
        vm.startPrank(admin);
        uint256 a = factory.registerProject(operator, PoolStorage.Category.Compute, "A", "", bytes32(0));
        uint256 b = factory.registerProject(operator, PoolStorage.Category.Compute, "B", "", bytes32(0));
        uint256 c = factory.registerProject(robotOperator, PoolStorage.Category.Robotics, "C", "", bytes32(0));
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
            PoolStorage.Category.Robotics,
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
        factory.registerProject(operator, PoolStorage.Category.Compute, "X", "", bytes32(0));

        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, manager, adminRole)
        );
        vm.prank(manager);
        factory.registerProject(operator, PoolStorage.Category.Compute, "X", "", bytes32(0));
        assertEq(factory.projectCount(), 1);
    }

    function test_registerProject_revertsOnZeroOperator() public {
        vm.expectRevert(PoolFactory.InvalidProject.selector);
        vm.prank(admin);
        factory.registerProject(address(0), PoolStorage.Category.Compute, "X", "", bytes32(0));
    }

    function test_registerProject_revertsOnEmptyName() public {
        vm.expectRevert(PoolFactory.InvalidProject.selector);
        vm.prank(admin);
        factory.registerProject(operator, PoolStorage.Category.Compute, "", "uri", bytes32(0));
        assertEq(factory.projectCount(), 1);
    }

    // ─── getProject ─────────────────────────────────────────────────────────────────────────────────────

    function test_getProject_fixtureProject() public view {
        PoolFactory.Project memory p = factory.getProject(projectId);
        assertEq(p.operator, operator);
        assertEq(uint8(p.category), uint8(PoolStorage.Category.Compute));
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
