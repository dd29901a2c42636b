// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Vm} from "forge-std/Vm.sol";
import {FinancingPool} from "../src/FinancingPool.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {PoolFactory} from "../src/PoolFactory.sol";
import {PoolFactoryFixture} from "./utils/PoolFactoryFixture.sol";

/// Pools: who may create them, and what a new pool is wired to.
contract PoolFactoryCreatePoolTest is PoolFactoryFixture {
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
        assertEq(uint8(p.category()), uint8(PoolStorage.Category.Robotics));
        assertEq(p.projectId(), pid);
        assertEq(p.depositCap(), 2_000_000e6);
        assertEq(p.minDeposit(), 100e6);
        assertEq(p.metadataURI(), "/metadata/pools/rotterdam-1.json");
        assertEq(p.metadataHash(), keccak256("rotterdam"));
        assertEq(p.treasury(), treasury);
        assertEq(p.protocolFeeBps(), FEE_BPS);
        assertEq(p.revenueStreamDuration(), STREAM);
        assertEq(uint8(p.status()), uint8(PoolStorage.Status.Raising));
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
        emit PoolCreated(predicted, pid, address(usdc), PoolStorage.Category.Robotics, cfg, FEE_BPS, STREAM);
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
            (PoolStorage.Category cat, PoolFactory.PoolConfig memory got, uint16 fee, uint32 stream) =
                abi.decode(logs[i].data, (PoolStorage.Category, PoolFactory.PoolConfig, uint16, uint32));
            assertEq(uint8(cat), uint8(PoolStorage.Category.Compute));
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
        vm.expectRevert(PoolStorage.InvalidParameter.selector);
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
}
