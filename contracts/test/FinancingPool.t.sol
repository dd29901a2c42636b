// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {HardwareAssetRegistry} from "../src/HardwareAssetRegistry.sol";
import {ProtocolFixture} from "./utils/ProtocolFixture.sol";

/// Lifecycle, deposits, capital and instant exits of one pool.
contract FinancingPoolTest is ProtocolFixture {
    function test_constructor_takesFactoryConfiguration() public view {
        assertEq(pool.name(), "Ashburn H100 Round 1");
        assertEq(pool.symbol(), "myASH1");
        assertEq(pool.asset(), address(usdc));
        assertEq(pool.decimals(), 18);
        assertEq(uint8(pool.category()), uint8(PoolStorage.Category.Compute));
        assertEq(pool.projectId(), projectId);
        assertEq(pool.depositCap(), CAP);
        assertEq(pool.minDeposit(), MIN_DEPOSIT);
        assertEq(pool.treasury(), treasury);
        assertEq(pool.protocolFeeBps(), FEE_BPS);
        assertEq(pool.revenueStreamDuration(), STREAM);
        assertEq(uint8(pool.status()), uint8(PoolStorage.Status.Raising));
        assertTrue(pool.hasRole(pool.DEFAULT_ADMIN_ROLE(), admin));
        assertTrue(pool.hasRole(pool.POOL_MANAGER_ROLE(), manager));
        assertTrue(pool.hasRole(pool.REVENUE_REPORTER_ROLE(), reporter));
        assertTrue(pool.hasRole(pool.GUARDIAN_ROLE(), guardian));
        assertTrue(pool.hasRole(pool.COMPLIANCE_ROLE(), compliance));
        assertEq(pool.projectOperator(), operator);
        assertFalse(pool.permissioned());
    }

    function test_deposit_mintsSharesAndCountsIdle() public {
        uint256 shares = _deposit(alice, 100e6);
        assertEq(shares, 100e18);
        assertEq(pool.balanceOf(alice), shares);
        assertEq(pool.idle(), 100e6);
        assertEq(pool.totalAssets(), 100e6);
        assertEq(usdc.balanceOf(address(pool)), 100e6);
    }
}

contract FinancingPoolCapitalTest is ProtocolFixture {
    function test_deployCapital_refusesRetiredOrImpairedAssets() public {
        _deposit(alice, 1_000e6);
        vm.startPrank(manager);
        registry.setStatus(assetA, HardwareAssetRegistry.Status.Impaired);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.AssetNotFinanceable.selector, assetA));
        pool.deployCapital(assetA, 100e6);
        registry.setStatus(assetA, HardwareAssetRegistry.Status.Retired);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.AssetNotFinanceable.selector, assetA));
        pool.deployCapital(assetA, 100e6);
        registry.setStatus(assetA, HardwareAssetRegistry.Status.Maintenance);
        pool.deployCapital(assetA, 100e6);
        vm.stopPrank();
        assertEq(pool.outstandingOf(assetA), 100e6);
        assertEq(usdc.balanceOf(operator), 100e6);
    }
}
