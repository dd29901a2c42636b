// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {HardwareAssetRegistry} from "../src/HardwareAssetRegistry.sol";
import {HardwareAssetRegistryFixture} from "./utils/HardwareAssetRegistryFixture.sol";

/// The hardware registry: one ERC-721 per financed machine group, held by the pool that financed it.
contract HardwareAssetRegistryTest is HardwareAssetRegistryFixture {
    // ─── Deployment ─────────────────────────────────────────────────────────────────────────────────────

    function test_constructor_setsNameSymbolAndAdmin() public view {
        assertEq(registry.name(), "Machine Yield Hardware");
        assertEq(registry.symbol(), "MYHW");
        assertTrue(registry.hasRole(registry.DEFAULT_ADMIN_ROLE(), admin));
        assertFalse(registry.hasRole(registry.DEFAULT_ADMIN_ROLE(), address(this)));
        assertEq(registry.MAX_BPS(), 10_000);
        assertEq(registrarRole, keccak256("REGISTRAR_ROLE"));
        assertEq(reporterRole, keccak256("REPORTER_ROLE"));
    }

    function test_fixture_assetsRegisteredToPool() public view {
        assertEq(registry.assetCount(), 2);
        assertEq(assetA, 1);
        assertEq(assetB, 2);
        assertEq(registry.ownerOf(assetA), address(pool));
        assertEq(registry.ownerOf(assetB), address(pool));
        assertEq(registry.balanceOf(address(pool)), 2);
    }

    // ─── registerAsset ──────────────────────────────────────────────────────────────────────────────────

    function test_registerAsset_storesEverythingAndMintsToPool() public {
        uint256 id = _register(address(pool), fleetOperator, "AMR-500");
        assertEq(id, 3);
        assertEq(registry.assetCount(), 3);
        assertEq(registry.ownerOf(id), address(pool));
        assertEq(registry.balanceOf(address(pool)), 3);

        HardwareAssetRegistry.Asset memory a = registry.getAsset(id);
        assertEq(uint8(a.kind), uint8(HardwareAssetRegistry.Kind.RobotFleet));
        assertEq(uint8(a.status), uint8(HardwareAssetRegistry.Status.Pending));
        assertEq(a.units, 40);
        assertEq(a.operator, fleetOperator);
        assertEq(a.pool, address(pool));
        assertEq(a.model, "AMR-500");
        assertEq(a.location, "Rotterdam");
        assertEq(a.metadataURI, "ipfs://c");
    }

    function test_registerAsset_idsIncrementByOne() public {
        uint256 first = _register(address(pool), fleetOperator, "AMR-1");
        uint256 second = _register(address(pool), fleetOperator, "AMR-2");
        uint256 third = _register(makeAddr("otherPool"), operator, "AMR-3");
        assertEq(first, 3);
        assertEq(second, 4);
        assertEq(third, 5);
        assertEq(registry.assetCount(), 5);
        assertEq(registry.ownerOf(third), makeAddr("otherPool"));
    }

    function test_registerAsset_mintsToAnyPoolAddressWithoutReceiverHook() public {
        // _mint (not _safeMint): a contract without onERC721Received can receive the token.
        address nonReceiver = address(usdc);
        uint256 id = _register(nonReceiver, fleetOperator, "AMR-500");
        assertEq(registry.ownerOf(id), nonReceiver);
    }

    function test_registerAsset_emitsAssetRegistered() public {
        vm.expectEmit(true, true, true, true, address(registry));
        emit AssetRegistered(
            3, address(pool), fleetOperator, HardwareAssetRegistry.Kind.Other, "Jetson rack", 12, "Lyon", "ipfs://d"
        );
        vm.prank(manager);
        registry.registerAsset(
            address(pool), fleetOperator, HardwareAssetRegistry.Kind.Other, "Jetson rack", 12, "Lyon", "ipfs://d"
        );
    }

    function test_registerAsset_emptyLocationAndMetadataAllowed() public {
        vm.prank(manager);
        uint256 id = registry.registerAsset(
            address(pool), fleetOperator, HardwareAssetRegistry.Kind.GpuCluster, "B200", 1, "", ""
        );
        HardwareAssetRegistry.Asset memory a = registry.getAsset(id);
        assertEq(a.location, "");
        assertEq(registry.tokenURI(id), "");
        assertEq(a.units, 1);
    }

    function test_registerAsset_revertsWithoutRegistrarRole() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, registrarRole)
        );
        vm.prank(stranger);
        registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100", 8, "x", "y");
    }

    function test_registerAsset_revertsForAdminWithoutRegistrarRole() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, admin, registrarRole)
        );
        vm.prank(admin);
        registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100", 8, "x", "y");
    }

    function test_registerAsset_revertsForReporter() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, reporter, registrarRole)
        );
        vm.prank(reporter);
        registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100", 8, "x", "y");
    }

    function test_registerAsset_revertsOnZeroPool() public {
        vm.expectRevert(HardwareAssetRegistry.InvalidAsset.selector);
        vm.prank(manager);
        registry.registerAsset(address(0), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100", 8, "x", "y");
    }

    function test_registerAsset_revertsOnZeroOperator() public {
        vm.expectRevert(HardwareAssetRegistry.InvalidAsset.selector);
        vm.prank(manager);
        registry.registerAsset(address(pool), address(0), HardwareAssetRegistry.Kind.GpuCluster, "H100", 8, "x", "y");
    }

    function test_registerAsset_revertsOnZeroUnits() public {
        vm.expectRevert(HardwareAssetRegistry.InvalidAsset.selector);
        vm.prank(manager);
        registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100", 0, "x", "y");
    }

    function test_registerAsset_revertsOnEmptyModel() public {
        vm.expectRevert(HardwareAssetRegistry.InvalidAsset.selector);
        vm.prank(manager);
        registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "", 8, "x", "y");
    }

    function test_registerAsset_failedAttemptDoesNotConsumeId() public {
        vm.prank(manager);
        vm.expectRevert(HardwareAssetRegistry.InvalidAsset.selector);
        registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "", 8, "x", "y");
        assertEq(registry.assetCount(), 2);
        assertEq(_register(address(pool), operator, "ok"), 3);
    }

    function test_registerAsset_roleGrantedLaterWorks_andRevokedStops() public {
        vm.prank(admin);
        registry.grantRole(registrarRole, stranger);
        vm.prank(stranger);
        uint256 id = registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.Other, "x", 1, "", "");
        assertEq(id, 3);

        vm.prank(admin);
        registry.revokeRole(registrarRole, stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, registrarRole)
        );
        vm.prank(stranger);
        registry.registerAsset(address(pool), operator, HardwareAssetRegistry.Kind.Other, "x", 1, "", "");
    }

    // ─── setStatus ──────────────────────────────────────────────────────────────────────────────────────

    function test_setStatus_updatesAndEmits() public {
        vm.expectEmit(true, false, false, true, address(registry));
        emit AssetStatusChanged(assetA, HardwareAssetRegistry.Status.Pending, HardwareAssetRegistry.Status.Active);
        vm.prank(manager);
        registry.setStatus(assetA, HardwareAssetRegistry.Status.Active);
        assertEq(uint8(registry.statusOf(assetA)), uint8(HardwareAssetRegistry.Status.Active));
        assertEq(uint8(registry.getAsset(assetA).status), uint8(HardwareAssetRegistry.Status.Active));
        // Other assets are untouched.
        assertEq(uint8(registry.statusOf(assetB)), uint8(HardwareAssetRegistry.Status.Pending));
    }

    function test_setStatus_walksThroughEveryStatusWithPreviousInEvent() public {
        HardwareAssetRegistry.Status[4] memory next = [
            HardwareAssetRegistry.Status.Active,
            HardwareAssetRegistry.Status.Maintenance,
            HardwareAssetRegistry.Status.Impaired,
            HardwareAssetRegistry.Status.Retired
        ];
        HardwareAssetRegistry.Status prev = HardwareAssetRegistry.Status.Pending;
        for (uint256 i = 0; i < next.length; i++) {
            vm.expectEmit(true, false, false, true, address(registry));
            emit AssetStatusChanged(assetB, prev, next[i]);
            vm.prank(manager);
            registry.setStatus(assetB, next[i]);
            assertEq(uint8(registry.statusOf(assetB)), uint8(next[i]));
            prev = next[i];
        }
    }

    function test_setStatus_revertsWithoutRole() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, operator, registrarRole)
        );
        vm.prank(operator);
        registry.setStatus(assetA, HardwareAssetRegistry.Status.Impaired);
        assertEq(uint8(registry.statusOf(assetA)), uint8(HardwareAssetRegistry.Status.Pending));
    }

    function test_setStatus_revertsForUnknownAsset() public {
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 99));
        vm.prank(manager);
        registry.setStatus(99, HardwareAssetRegistry.Status.Active);
    }

    function test_setStatus_revertsForAssetZero() public {
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 0));
        vm.prank(manager);
        registry.setStatus(0, HardwareAssetRegistry.Status.Active);
    }

    // ─── setMetadataURI ─────────────────────────────────────────────────────────────────────────────────

    function test_setMetadataURI_updatesTokenURIAndEmits() public {
        vm.expectEmit(true, false, false, true, address(registry));
        emit AssetMetadataUpdated(assetA, "ipfs://a-v2");
        vm.prank(manager);
        registry.setMetadataURI(assetA, "ipfs://a-v2");
        assertEq(registry.tokenURI(assetA), "ipfs://a-v2");
        assertEq(registry.getAsset(assetA).metadataURI, "ipfs://a-v2");
        assertEq(registry.tokenURI(assetB), "ipfs://b");
    }

    function test_setMetadataURI_revertsWithoutRole() public {
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, registrarRole)
        );
        vm.prank(stranger);
        registry.setMetadataURI(assetA, "ipfs://evil");
        assertEq(registry.tokenURI(assetA), "ipfs://a");
    }

    function test_setMetadataURI_revertsForUnknownAsset() public {
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 3));
        vm.prank(manager);
        registry.setMetadataURI(3, "ipfs://x");
    }

    // ─── Views ──────────────────────────────────────────────────────────────────────────────────────────

    function test_views_returnRegisteredData() public view {
        assertEq(registry.poolOf(assetA), address(pool));
        assertEq(registry.operatorOf(assetA), operator);
        assertEq(uint8(registry.statusOf(assetA)), uint8(HardwareAssetRegistry.Status.Pending));
        assertEq(registry.tokenURI(assetA), "ipfs://a");
        assertEq(registry.tokenURI(assetB), "ipfs://b");
        HardwareAssetRegistry.Asset memory b = registry.getAsset(assetB);
        assertEq(b.model, "H200 SXM");
        assertEq(b.units, 32);
        assertEq(b.location, "Ashburn, VA");
        assertEq(uint8(b.kind), uint8(HardwareAssetRegistry.Kind.GpuCluster));
    }

    function test_views_revertForUnknownAsset() public {
        bytes memory err = abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 3);
        vm.expectRevert(err);
        registry.getAsset(3);
        vm.expectRevert(err);
        registry.poolOf(3);
        vm.expectRevert(err);
        registry.operatorOf(3);
        vm.expectRevert(err);
        registry.statusOf(3);
        vm.expectRevert(err);
        registry.tokenURI(3);
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 0));
        registry.tokenURI(0);
    }

    function test_tokenTransfer_doesNotChangeRecordedPool() public {
        // The token is a plain ERC-721: the holder can move it, but poolOf is the registered pool, not the owner.
        address newHolder = makeAddr("newHolder");
        vm.prank(address(pool));
        registry.transferFrom(address(pool), newHolder, assetA);
        assertEq(registry.ownerOf(assetA), newHolder);
        assertEq(registry.poolOf(assetA), address(pool));
    }

    function test_supportsInterface() public view {
        assertTrue(registry.supportsInterface(type(IERC721).interfaceId));
        assertTrue(registry.supportsInterface(type(IERC721Metadata).interfaceId));
        assertTrue(registry.supportsInterface(type(IAccessControl).interfaceId));
        assertTrue(registry.supportsInterface(type(IERC165).interfaceId));
        assertFalse(registry.supportsInterface(0xffffffff));
        assertFalse(registry.supportsInterface(0x12345678));
    }
}
